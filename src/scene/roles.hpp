#pragma once
// Every role a scene item can have, named once: layout writes them, the scene JSON carries
// them, tests and the api read them. docs/scene-json.md says what each one is; a role is
// never removed once published.
namespace factline::scene::role {

// The page: header, legend, footer, panel headings.
inline constexpr char title[] = "title";
inline constexpr char subtitle[] = "subtitle";
inline constexpr char legend[] = "legend";
inline constexpr char legend_swatch[] = "legend-swatch";
inline constexpr char source[] = "source";
inline constexpr char credit[] = "credit";
inline constexpr char note[] = "note";
inline constexpr char panel_title[] = "panel-title";

// Events: labels, marks and what joins them.
inline constexpr char event_date[] = "event-date";
inline constexpr char event_title[] = "event-title";
inline constexpr char event_text[] = "event-text";
inline constexpr char event_marker[] = "event-marker";
inline constexpr char span[] = "span";
inline constexpr char span_edge[] = "span-edge";
inline constexpr char era[] = "era";
inline constexpr char era_edge[] = "era-edge";
inline constexpr char leader[] = "leader";
inline constexpr char precision[] = "precision";
inline constexpr char date_tick[] = "date-tick";
// Level of detail: what stands for the events without a label of their own.
inline constexpr char density[] = "density";                // a bar of the density strip
inline constexpr char density_caption[] = "density-caption";  // "최대 923건/30일"
inline constexpr char cluster[] = "cluster";                // the bracket under a cluster's markers
inline constexpr char cluster_count[] = "cluster-count";    // "+37" on the label's date line
inline constexpr char detail_summary[] = "detail-summary";  // "사건 10,000건 중 84건 표시"
inline constexpr char page_range[] = "page-range";          // a page's dates and number: "… · 2/14쪽"

// Axes and swimlanes.
inline constexpr char axis[] = "axis";
inline constexpr char axis_break[] = "axis-break";
inline constexpr char tick_mark[] = "tick-mark";
inline constexpr char tick[] = "tick";
inline constexpr char grid[] = "grid";
inline constexpr char as_of[] = "as-of";
inline constexpr char lane[] = "lane";
inline constexpr char lane_line[] = "lane-line";
inline constexpr char lane_swatch[] = "lane-swatch";
inline constexpr char group[] = "group";

// Charts.
inline constexpr char bar[] = "bar";
inline constexpr char line[] = "line";
inline constexpr char point[] = "point";
inline constexpr char area[] = "area";
inline constexpr char tick_label[] = "tick-label";
inline constexpr char axis_title[] = "axis-title";
inline constexpr char value_label[] = "value-label";
inline constexpr char segment_label[] = "segment-label";  // a stacked bar's segment's value, inside it
inline constexpr char series_label[] = "series-label";
inline constexpr char event_label[] = "event-label";
inline constexpr char event_rule[] = "event-rule";
inline constexpr char event_span[] = "event-span";

}  // namespace factline::scene::role
