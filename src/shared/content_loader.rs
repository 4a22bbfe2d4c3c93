//! Fetches the course from `content/` relative to `index.html`, and turns every failure into
//! a [`ContentFailure`] that names the file. The app itself reads only `organisation.json`;
//! the course module reads the whole course.

use trygg_core::content::{course_files, load_course, parse_organisation, Course, Organisation};

use crate::shared::browser::fetch;
use crate::shared::state::ContentFailure;

const ORGANISATION_FILE: &str = "organisation.json";

/// The organisation file: enough for the header and the start, about and my-data pages.
pub async fn fetch_organisation() -> Result<Organisation, ContentFailure> {
    Ok(fetch_organisation_file().await?.1)
}

/// The organisation file, then the files it lists, all requests sent together, validated
/// with the same core code as `trygg content check`.
pub async fn fetch_course() -> Result<Course, ContentFailure> {
    let (org_bytes, organisation) = fetch_organisation_file().await?;
    fetch_course_files(org_bytes, &organisation).await
}

/// The organisation file as read and as parsed: the first half of [`fetch_course`], for a
/// page that can be shown before (or without) the module files.
pub async fn fetch_organisation_file() -> Result<(Vec<u8>, Organisation), ContentFailure> {
    let bytes = fetch_file(ORGANISATION_FILE).await?;
    let organisation =
        parse_organisation(ORGANISATION_FILE, &bytes).map_err(ContentFailure::Invalid)?;
    Ok((bytes, organisation))
}

/// The files `organisation` lists, all requests sent together, and the whole course
/// validated: the second half of [`fetch_course`].
pub async fn fetch_course_files(
    org_bytes: Vec<u8>,
    organisation: &Organisation,
) -> Result<Course, ContentFailure> {
    let mut pending = Vec::new();
    for name in course_files(organisation) {
        let request = if name == ORGANISATION_FILE {
            None
        } else {
            Some(
                fetch::start_fetch(&fetch::content_url(&name))
                    .map_err(|e| fetch_failure(&name, e))?,
            )
        };
        pending.push((name, request));
    }
    let mut files = Vec::new();
    for (name, request) in pending {
        let bytes = match request {
            None => org_bytes.clone(),
            Some(request) => request.bytes().await.map_err(|e| fetch_failure(&name, e))?,
        };
        files.push((name, bytes));
    }
    load_course(&files).map_err(ContentFailure::Invalid)
}

fn fetch_failure(name: &str, error: fetch::FetchError) -> ContentFailure {
    ContentFailure::Fetch {
        file: fetch::content_url(name),
        error,
    }
}

async fn fetch_file(name: &str) -> Result<Vec<u8>, ContentFailure> {
    fetch::fetch_bytes(&fetch::content_url(name))
        .await
        .map_err(|e| fetch_failure(name, e))
}
