//! Placeholder until the real `trygg sample` lands; it is replaced wholesale.

pub fn run(_args: &[String]) -> i32 {
    eprintln!("not yet implemented");
    2
}
