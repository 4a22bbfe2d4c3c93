//! Status per unit as stacked bars in inline SVG. Colour is never the only cue: each status
//! has its own fill pattern, and every bar's numbers are written next to it as text. The
//! names and numbers are HTML (they wrap on a 320 px screen, where SVG text would be cut
//! off); each bar is a small SVG with percentage widths, so it fits any width. Colours
//! come from the stylesheet: the CSP allows no inline styles.

use trygg_core::roster::{Counts, Status};
use yew::prelude::*;

use super::{status_label, Shared};
use crate::shared::i18n::{counted, Words};
use crate::shared::state::use_app;

#[derive(Properties, PartialEq)]
pub struct UnitChartProps {
    /// (unit, counts) in unit order.
    pub units: Shared<Vec<(String, Counts)>>,
}

#[component]
pub fn UnitChart(props: &UnitChartProps) -> Html {
    let words = use_app().words();
    let units = &props.units.0;
    let largest = units
        .iter()
        .map(|(_, c)| c.people)
        .max()
        .unwrap_or(0)
        .max(1);
    let bars = units.iter().map(|(unit, counts)| {
        let mut start = 0usize;
        let segments = Status::ALL.iter().filter_map(|&status| {
            let n = counts.get(status);
            if n == 0 {
                return None;
            }
            let x = percent(start, largest);
            let width = percent(n, largest);
            start += n;
            Some(html! {
                <rect class={classes!("seg", status.key())} x={x} y="1" width={width} height="20"
                    fill={fill_for(status)} />
            })
        });
        let name = unit_name(unit, &words);
        let numbers = counts_text(counts, &words);
        html! {
            <li>
                <span class="unit-name">{ name.clone() }</span>
                <svg class="unit-bar" width="100%" height="22" aria-hidden="true" focusable="false">
                    <title>{ format!("{name}: {numbers}") }</title>
                    { for segments }
                </svg>
                <span class="unit-counts">{ numbers }</span>
            </li>
        }
    });
    html! {
        <figure class="unit-chart" aria-labelledby="unit-chart-title">
            <figcaption>
                <ul class="chart-legend" aria-label={words.t("manager.chart.legend").to_owned()}>
                    { for Status::ALL.iter().map(|&status| html! {
                        <li>
                            <svg class="legend-swatch" width="22" height="16" aria-hidden="true" focusable="false">
                                <rect class={classes!("seg", status.key())} x="1" y="1" width="20" height="14" fill={fill_for(status)} />
                            </svg>
                            { status_label(status, &words) }
                        </li>
                    }) }
                </ul>
            </figcaption>
            <svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
                <defs>
                    <pattern id="pattern-renewal-due" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="pattern-bg renewal_due" width="8" height="8" />
                        <line class="pattern-line renewal_due" x1="0" y1="0" x2="0" y2="8" />
                    </pattern>
                    <pattern id="pattern-expired" width="8" height="8" patternUnits="userSpaceOnUse">
                        <rect class="pattern-bg expired" width="8" height="8" />
                        <path class="pattern-line expired" d="M0 0L8 8M8 0L0 8" />
                    </pattern>
                    <pattern id="pattern-flagged" width="7" height="7" patternUnits="userSpaceOnUse">
                        <rect class="pattern-bg flagged" width="7" height="7" />
                        <circle class="pattern-dot flagged" cx="3.5" cy="3.5" r="1.8" />
                    </pattern>
                </defs>
            </svg>
            <ul class="unit-bars">
                { for bars }
            </ul>
        </figure>
    }
}

/// Valid is solid; the others are patterns that stay distinct in greyscale and print.
fn fill_for(status: Status) -> &'static str {
    match status {
        Status::Valid => "currentColor",
        Status::RenewalDue => "url(#pattern-renewal-due)",
        Status::Expired => "url(#pattern-expired)",
        Status::Flagged => "url(#pattern-flagged)",
    }
}

/// `part / whole` as a percentage with two decimals, in integer arithmetic (float
/// formatting would add kilobytes of wasm for a chart).
fn percent(part: usize, whole: usize) -> String {
    let hundredths = part.saturating_mul(10_000) / whole.max(1);
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

pub fn unit_name(unit: &str, words: &Words) -> String {
    if unit.trim().is_empty() {
        words.t("manager.unit.none").to_owned()
    } else {
        unit.to_owned()
    }
}

/// "12 people: Valid 9 · Expired 3", leaving out zeros.
fn counts_text(counts: &Counts, words: &Words) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .filter(|&&s| counts.get(s) > 0)
        .map(|&s| format!("{} {}", status_label(s, words), counts.get(s)))
        .collect();
    counted(
        words,
        "manager.chart.counts",
        counts.people,
        &[
            ("people", &counts.people.to_string()),
            ("parts", &parts.join(" · ")),
        ],
    )
}
