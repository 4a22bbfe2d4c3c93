//! Lines, boxes and circles on a [`Canvas`]: the border, table rules and the seal.

use pdf_writer::types::{LineCapStyle, LineJoinStyle};

use super::canvas::{Canvas, Rgb};

/// Bézier control distance for a quarter circle of radius 1.
const KAPPA: f32 = 0.552_284_8;

impl Canvas<'_> {
    /// A straight line.
    pub(crate) fn rule(&mut self, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
        self.begin_mark(false);
        let page = self.page();
        page.set_stroke_rgb(color[0], color[1], color[2]);
        page.set_line_width(width);
        page.move_to(from.0, from.1);
        page.line_to(to.0, to.1);
        page.stroke();
        self.end_mark();
    }

    /// A rectangle's outline.
    pub(crate) fn frame(&mut self, rect: [f32; 4], width: f32, color: Rgb) {
        self.begin_mark(false);
        let page = self.page();
        page.set_stroke_rgb(color[0], color[1], color[2]);
        page.set_line_width(width);
        page.rect(rect[0], rect[1], rect[2], rect[3]);
        page.stroke();
        self.end_mark();
    }

    /// A filled rectangle.
    pub(crate) fn fill(&mut self, rect: [f32; 4], color: Rgb) {
        self.begin_mark(false);
        let page = self.page();
        page.set_fill_rgb(color[0], color[1], color[2]);
        page.rect(rect[0], rect[1], rect[2], rect[3]);
        page.fill_nonzero();
        self.end_mark();
    }

    /// A circle's outline.
    pub(crate) fn circle(&mut self, x: f32, y: f32, r: f32, width: f32, color: Rgb) {
        let k = r * KAPPA;
        self.begin_mark(false);
        let page = self.page();
        page.set_stroke_rgb(color[0], color[1], color[2]);
        page.set_line_width(width);
        page.move_to(x + r, y);
        page.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
        page.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
        page.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
        page.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
        page.close_path();
        page.stroke();
        self.end_mark();
    }

    /// An open path through `points`, with round joins and ends.
    pub(crate) fn polyline(&mut self, points: &[(f32, f32)], width: f32, color: Rgb) {
        let Some(&(x0, y0)) = points.first() else {
            return;
        };
        self.begin_mark(false);
        let page = self.page();
        page.save_state();
        page.set_stroke_rgb(color[0], color[1], color[2]);
        page.set_line_width(width);
        page.set_line_cap(LineCapStyle::RoundCap);
        page.set_line_join(LineJoinStyle::RoundJoin);
        page.move_to(x0, y0);
        for &(x, y) in &points[1..] {
            page.line_to(x, y);
        }
        page.stroke();
        page.restore_state();
        self.end_mark();
    }
}
