//! Hash routes (`#/...`): reloads and deep links work on any static server, with no
//! rewrite rules. Parsing is plain string work, tested natively.

use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Start,
    Training,
    /// A lesson section, numbered from 1 in the URL.
    Lesson {
        module: String,
        step: usize,
    },
    Quiz {
        module: String,
    },
    Certificate,
    Manager,
    MyData,
    About,
    NotFound,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Start,
            ["training"] => Route::Training,
            ["module", id] => Route::Lesson {
                module: id.to_string(),
                step: 1,
            },
            ["module", id, "lesson", n] => match n.parse::<usize>() {
                Ok(step) if step >= 1 => Route::Lesson {
                    module: id.to_string(),
                    step,
                },
                _ => Route::NotFound,
            },
            ["module", id, "quiz"] => Route::Quiz {
                module: id.to_string(),
            },
            ["certificate"] => Route::Certificate,
            ["manager"] => Route::Manager,
            ["data"] => Route::MyData,
            ["about"] => Route::About,
            _ => Route::NotFound,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".into(),
            Route::Training => "#/training".into(),
            Route::Lesson { module, step } => format!("#/module/{module}/lesson/{step}"),
            Route::Quiz { module } => format!("#/module/{module}/quiz"),
            Route::Certificate => "#/certificate".into(),
            Route::Manager => "#/manager".into(),
            Route::MyData => "#/data".into(),
            Route::About => "#/about".into(),
            Route::NotFound => "#/not-found".into(),
        }
    }
}

/// The current route, updated on every `hashchange`.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(|| Route::parse(&crate::shared::browser::document::location_hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "hashchange", move |_| {
                    route.set(Route::parse(
                        &crate::shared::browser::document::location_hash(),
                    ));
                })
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

/// Goes to a route, as a link would.
pub fn navigate(route: &Route) {
    crate::shared::browser::document::set_location_hash(&route.href());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_a_round_trip() {
        let routes = [
            Route::Start,
            Route::Training,
            Route::Lesson {
                module: "roles".into(),
                step: 3,
            },
            Route::Quiz {
                module: "report".into(),
            },
            Route::Certificate,
            Route::Manager,
            Route::MyData,
            Route::About,
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn empty_and_unknown_hashes() {
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#"), Route::Start);
        assert_eq!(Route::parse("#/nope"), Route::NotFound);
        assert_eq!(Route::parse("#/module/x/lesson/0"), Route::NotFound);
        assert_eq!(Route::parse("#/module/x/lesson/abc"), Route::NotFound);
        assert_eq!(
            Route::parse("#/module/roles"),
            Route::Lesson {
                module: "roles".into(),
                step: 1
            }
        );
    }
}
