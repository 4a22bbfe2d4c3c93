//! Which policy points the course does not yet teach or test. Kept apart from validation:
//! a gap is a warning while content is being written, but the shipped course has none
//! (a test on the real content asserts that).

use super::course::Course;

/// Points in `sources.json` (in its order) that no lesson section (`"lesson"`) or no
/// question (`"question"`) cites. A point missing from both is listed twice. None when the
/// course was read without `sources.json`.
pub fn uncovered_points(course: &Course) -> Vec<(String, &'static str)> {
    let sections = course.modules.iter().flat_map(|m| &m.sections);
    let in_lessons: Vec<&String> = sections.flat_map(|s| &s.source.points).collect();
    let questions = course.modules.iter().flat_map(|m| &m.questions);
    let in_questions: Vec<&String> = questions.flat_map(|q| &q.source.points).collect();
    let mut out = Vec::new();
    let documents = course.sources.iter().flat_map(|s| &s.documents);
    for point in documents.flat_map(|d| &d.points) {
        if !in_lessons.contains(&&point.id) {
            out.push((point.id.clone(), "lesson"));
        }
        if !in_questions.contains(&&point.id) {
            out.push((point.id.clone(), "question"));
        }
    }
    out
}
