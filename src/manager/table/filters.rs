//! The filters above the table: unit, role, status and a search. Each change goes back to
//! the first page, where the narrowed list starts.

use trygg_core::content::Role;
use trygg_core::roster::{Filter, Status};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::manager::chart::unit_name;
use crate::manager::{role_label, status_label};
use crate::shared::i18n::Words;
use crate::shared::i18n::WordsHtml;

pub fn filters(
    filter: &UseStateHandle<Filter>,
    page: &UseStateHandle<usize>,
    units: &[String],
    words: &Words,
) -> Html {
    let set = {
        let filter = filter.clone();
        let page = page.clone();
        move |value: String, change: fn(&mut Filter, String)| {
            let mut next = (*filter).clone();
            change(&mut next, value);
            filter.set(next);
            page.set(0);
        }
    };
    let on_select = |change: fn(&mut Filter, String)| {
        let set = set.clone();
        Callback::from(move |e: Event| {
            set(
                e.target_unchecked_into::<HtmlSelectElement>().value(),
                change,
            );
        })
    };
    let on_unit = on_select(|f, value| f.unit = value.strip_prefix("u:").map(str::to_owned));
    let on_role = on_select(|f, value| f.role = Role::from_key(&value));
    let on_status = on_select(|f, value| f.status = Status::from_key(&value));
    let on_search = Callback::from(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        set(value, |f, value| f.search = value);
    });

    let f = &**filter;
    let units = units.iter().map(|u| {
        html! {
            <option value={format!("u:{u}")} selected={f.unit.as_deref() == Some(u.as_str())}>{ unit_name(u, words) }</option>
        }
    });
    let roles = Role::ALL.iter().map(|&r| {
        html! { <option value={r.key()} selected={f.role == Some(r)}>{ role_label(r, words) }</option> }
    });
    let statuses = Status::ALL.iter().map(|&s| {
        html! { <option value={s.key()} selected={f.status == Some(s)}>{ status_label(s, words) }</option> }
    });
    html! {
        <div class="roster-filters">
            { select_field("filter-unit", "manager.filter.unit", "manager.filter.all_units",
                f.unit.is_none(), on_unit, units.collect(), words) }
            { select_field("filter-role", "manager.filter.role", "manager.filter.all_roles",
                f.role.is_none(), on_role, roles.collect(), words) }
            { select_field("filter-status", "manager.filter.status", "manager.filter.all_statuses",
                f.status.is_none(), on_status, statuses.collect(), words) }
            <p class="filter-field filter-search">
                <label for="filter-search">{ words.html("manager.filter.search") }</label>
                <input id="filter-search" type="search" value={f.search.clone()} oninput={on_search}
                    aria-describedby="filter-search-hint" autocomplete="off" />
                <span id="filter-search-hint" class="hint">{ words.html("manager.filter.search_hint") }</span>
            </p>
        </div>
    }
}

/// One drop-down of the filters; its first option, with the empty value, lifts that filter.
fn select_field(
    id: &'static str,
    label: &'static str,
    all: &'static str,
    all_selected: bool,
    onchange: Callback<Event>,
    options: Html,
    words: &Words,
) -> Html {
    html! {
        <p class="filter-field">
            <label for={id}>{ words.html(label) }</label>
            <select {id} {onchange}>
                <option value="" selected={all_selected}>{ words.t(all) }</option>
                { options }
            </select>
        </p>
    }
}
