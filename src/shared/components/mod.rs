//! Components shared by several pages.

pub mod confirm_box;
pub mod download_failed;
pub mod footer;
pub mod frame;
pub mod header;
pub mod inline_text;
pub mod offline_notice;
pub mod page_title;
pub mod storage_banner;
