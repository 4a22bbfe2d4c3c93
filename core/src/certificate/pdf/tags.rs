//! The logical structure of a document as it is drawn (PDF/UA-1, ISO 14289-1): headings,
//! paragraphs, the module table and the step lists. A screen reader follows this tree, not
//! the drawing order, so each piece of text is tied to the element it belongs to by a
//! marked-content id, and everything that only decorates (borders, rules, the seal, the
//! heading repeated on a continuation page) is marked as an artifact it skips.

use pdf_writer::types::{StructRole, TableHeaderScope};
use pdf_writer::{Finish, Name, Pdf, Ref};

use super::canvas::Canvas;

/// A child of a structure element: another element, or text drawn on a page under a
/// marked-content id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kid {
    Element(usize),
    Content { page: usize, mcid: i32 },
}

/// One structure element. `column_header` marks a table header cell that heads its
/// column (PDF/UA wants a header cell's scope stated).
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub role: StructRole,
    pub kids: Vec<Kid>,
    pub column_header: bool,
}

/// The tree being built: element 0 is the document; `open` is the path from it to the
/// element that new text joins; `owners[page][mcid]` is the element that owns each
/// marked-content id, which the PDF's ParentTree needs.
#[derive(Debug, Clone)]
pub(crate) struct Tags {
    pub elements: Vec<Element>,
    pub owners: Vec<Vec<usize>>,
    open: Vec<usize>,
    artifact: u32,
}

impl Tags {
    pub(crate) fn new() -> Self {
        Tags {
            elements: vec![Element {
                role: StructRole::Document,
                kids: Vec::new(),
                column_header: false,
            }],
            owners: vec![Vec::new()],
            open: vec![0],
            artifact: 0,
        }
    }

    /// Whether element `i` holds any text, itself or below: empty elements are left out
    /// of the PDF (a heading with nothing in it is an error to a screen reader).
    pub(crate) fn has_content(&self, i: usize) -> bool {
        self.elements.get(i).is_some_and(|e| {
            e.kids.iter().any(|k| match k {
                Kid::Content { .. } => true,
                Kid::Element(j) => self.has_content(*j),
            })
        })
    }

    fn current(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    /// Writes the structure tree root as `root`, and the elements and the ParentTree's
    /// per-page arrays from object number `first` on. Page `i` must be written with
    /// `StructParents i`.
    pub(crate) fn write(&self, pdf: &mut Pdf, root: Ref, pages: &[Ref], first: i32) {
        let mut next = first;
        let mut alloc = || {
            let r = Ref::new(next);
            next += 1;
            r
        };
        let arrays: Vec<Ref> = pages.iter().map(|_| alloc()).collect();
        let refs: Vec<Option<Ref>> = (0..self.elements.len())
            .map(|i| self.has_content(i).then(&mut alloc))
            .collect();
        let mut parents = vec![None; self.elements.len()];
        for (i, e) in self.elements.iter().enumerate() {
            for kid in &e.kids {
                if let Kid::Element(j) = kid {
                    parents[*j] = refs[i];
                }
            }
        }

        let mut tree = pdf
            .indirect(root)
            .start::<pdf_writer::writers::StructTreeRoot>();
        if let Some(document) = refs[0] {
            tree.child(document);
        }
        let mut nums = tree.parent_tree();
        let mut entries = nums.nums();
        for (i, array) in arrays.iter().enumerate() {
            entries.insert(i32::try_from(i).unwrap_or(i32::MAX), *array);
        }
        entries.finish();
        nums.finish();
        tree.parent_tree_next_key(i32::try_from(pages.len()).unwrap_or(i32::MAX));
        tree.finish();

        for (i, array) in arrays.iter().enumerate() {
            let owners = self.owners.get(i).map_or(&[][..], Vec::as_slice);
            pdf.indirect(*array)
                .array()
                .items(owners.iter().filter_map(|o| refs[*o]));
        }

        for (i, e) in self.elements.iter().enumerate() {
            let Some(id) = refs[i] else { continue };
            let mut el = pdf.struct_element(id);
            el.kind(e.role);
            el.parent(parents[i].unwrap_or(root));
            if e.column_header {
                el.attributes()
                    .push()
                    .table()
                    .scope(TableHeaderScope::Column);
            }
            let kids: Vec<Kid> = e
                .kids
                .iter()
                .copied()
                .filter(|k| match k {
                    Kid::Element(j) => refs[*j].is_some(),
                    Kid::Content { page, .. } => *page < pages.len(),
                })
                .collect();
            // A single child is written on its own rather than in an array: both are
            // valid, and some checkers only follow the former.
            if let [only] = kids.as_slice() {
                match *only {
                    Kid::Element(j) => {
                        el.pair(Name(b"K"), refs[j].unwrap_or(root));
                    }
                    Kid::Content { page, mcid } => {
                        el.marked_content_child()
                            .page(pages[page])
                            .marked_content_id(mcid);
                    }
                }
                continue;
            }
            let mut array = el.children();
            for kid in kids {
                match kid {
                    Kid::Element(j) => {
                        array.struct_element(refs[j].unwrap_or(root));
                    }
                    Kid::Content { page, mcid } => {
                        array
                            .marked_content_ref()
                            .page(pages[page])
                            .marked_content_id(mcid);
                    }
                }
            }
        }
    }
}

impl Canvas<'_> {
    /// Starts an element inside the current one; text drawn until [`Canvas::close`]
    /// belongs to it.
    pub(crate) fn open(&mut self, role: StructRole) {
        let parent = self.tags.current();
        let index = self.tags.elements.len();
        self.tags.elements.push(Element {
            role,
            kids: Vec::new(),
            column_header: role == StructRole::TH,
        });
        self.tags.elements[parent].kids.push(Kid::Element(index));
        self.tags.open.push(index);
    }

    /// Ends the element [`Canvas::open`] started last.
    pub(crate) fn close(&mut self) {
        if self.tags.open.len() > 1 {
            self.tags.open.pop();
        }
    }

    /// How deep the open elements go, to return to with [`Canvas::close_to`].
    pub(crate) fn depth(&self) -> usize {
        self.tags.open.len()
    }

    /// Ends every element opened since [`Canvas::depth`] returned `depth`, for drawing
    /// code that stops early when the space runs out.
    pub(crate) fn close_to(&mut self, depth: usize) {
        while self.tags.open.len() > depth.max(1) {
            self.tags.open.pop();
        }
    }

    /// Draws with `draw` as decoration: text in it is left out of the structure (a
    /// heading repeated on a continuation page, the page's running header).
    pub(crate) fn decoration(&mut self, draw: impl FnOnce(&mut Self)) {
        self.tags.artifact += 1;
        draw(self);
        self.tags.artifact -= 1;
    }

    /// Opens a marked-content sequence for what is drawn next: an artifact, or content of
    /// the current element under a fresh id. Returns whether it was content.
    pub(crate) fn begin_mark(&mut self, text: bool) -> bool {
        let page_index = self.pages.len().saturating_sub(1);
        if !text || self.tags.artifact > 0 {
            self.page().begin_marked_content(Name(b"Artifact"));
            return false;
        }
        let owner = self.tags.current();
        while self.tags.owners.len() <= page_index {
            self.tags.owners.push(Vec::new());
        }
        let mcid = i32::try_from(self.tags.owners[page_index].len()).unwrap_or(i32::MAX);
        self.tags.owners[page_index].push(owner);
        self.tags.elements[owner].kids.push(Kid::Content {
            page: page_index,
            mcid,
        });
        let role = self.tags.elements[owner].role.to_name();
        self.page()
            .begin_marked_content_with_properties(role)
            .properties()
            .identify(mcid);
        true
    }

    pub(crate) fn end_mark(&mut self) {
        self.page().end_marked_content();
    }
}
