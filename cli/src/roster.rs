//! Placeholder until the real `trygg roster` lands; it is replaced wholesale.

pub fn run(_args: &[String]) -> i32 {
    eprintln!("not yet implemented");
    2
}
