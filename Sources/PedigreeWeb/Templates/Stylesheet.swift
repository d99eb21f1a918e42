/// The one stylesheet, compiled in and served at `WebUI.stylesheetPath`. System fonts only: no
/// web font, no external host.
enum Stylesheet {
  static let css = """
    :root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #1d4ed8; --bad: #dc2626;
      --bad-bg: #fef2f2; --prod: #047857; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
      background: #f9fafb; }
    a { color: var(--accent); text-decoration: none; }
    a:hover { text-decoration: underline; }
    header.top { display: flex; align-items: center; gap: 24px; padding: 10px 24px; background: #111827; }
    header.top a { color: #e5e7eb; }
    header.top .brand { font-weight: 700; font-size: 16px; color: #fff; }
    header.top nav a { margin-right: 16px; }
    header.top nav a.current { color: #fff; border-bottom: 2px solid #60a5fa; }
    header.top form.logout { margin-left: auto; }
    main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 40px; }
    h1 { font-size: 22px; margin: 8px 0 4px; }
    h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    p.subtitle { color: var(--muted); margin: 0 0 16px; }
    footer { max-width: 1200px; margin: 0 auto; padding: 12px 24px 32px; color: var(--muted); font-size: 12px; }
    table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
    th { text-align: left; font-size: 11px; letter-spacing: .04em; color: var(--muted); background: #f3f4f6;
      padding: 6px 8px; border-bottom: 1px solid var(--line); }
    td { padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    tr.deprecated td, tr.failed td { background: var(--bad-bg); }
    dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0;
      background: #fff; border: 1px solid var(--line); padding: 10px 14px; }
    dl.fields dt { color: var(--muted); }
    dl.fields dd { margin: 0; overflow-wrap: anywhere; }
    .mono, code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
    .small { font-size: 11px; }
    .muted { color: var(--muted); }
    .strong { font-weight: 600; }
    .big { font-size: 18px; font-weight: 700; }
    .deprecated, a.deprecated, dd.deprecated { color: var(--bad); }
    .badge { display: inline-block; padding: 0 6px; border-radius: 8px; background: #e5e7eb; font-size: 11px; }
    .badge.deprecated { background: var(--bad); color: #fff; font-weight: 600; }
    .badge.rollback { background: #fee2e2; color: #991b1b; }
    .chip { display: inline-block; padding: 0 8px; border-radius: 10px; background: #dbeafe; color: #1e3a8a;
      font-size: 12px; font-weight: 600; }
    .chip.production { background: #d1fae5; color: var(--prod); }
    .status.failed, .status.killed { color: var(--bad); font-weight: 600; }
    .status.finished { color: var(--prod); }
    .banner { padding: 8px 12px; border-radius: 6px; background: #eff6ff; }
    .banner.deprecated { background: var(--bad-bg); border: 1px solid var(--bad); font-weight: 600; }
    p.error { font-size: 16px; color: var(--bad); }
    p.hint { color: var(--muted); }
    section.oncall { background: #fff; border: 2px solid var(--prod); border-radius: 8px; padding: 4px 18px 12px;
      margin: 12px 0 8px; }
    section.oncall h2 { border: 0; font-size: 18px; margin-top: 10px; }
    section.oncall dl.fields { border: 0; padding: 0; }
    section.impact { background: #fff; border: 2px solid #f59e0b; border-radius: 8px; padding: 2px 16px 12px; margin: 16px 0; }
    pre.command { background: #111827; color: #f9fafb; padding: 10px 14px; border-radius: 6px; overflow-x: auto; }
    figure { margin: 8px 0; background: #fff; border: 1px solid var(--line); padding: 8px; overflow-x: auto; }
    figure svg { max-width: 100%; height: auto; display: block; }
    table.versions td, table.moves td, table.serving td, table.log td { white-space: nowrap; }
    table.versions td:last-child, table.moves td:last-child, table.serving td:last-child,
    table.log td:last-child { white-space: normal; }
    figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
    form.query { margin: 8px 0 12px; display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
    form.query input { font: inherit; padding: 3px 6px; border: 1px solid #d1d5db; border-radius: 4px; }
    button { font: inherit; padding: 3px 12px; border: 1px solid #9ca3af; border-radius: 4px; background: #fff;
      cursor: pointer; }
    p.controls a.current, p.paging a.current, p a.current { font-weight: 700; color: var(--ink); }
    p.line { margin: 2px 0; font-family: ui-monospace, monospace; font-size: 12px; }
    svg a:hover polygon, svg a:hover rect { stroke-width: 3; }
    @media print { header.top, form, footer { display: none; } body { background: #fff; } }

    """
}
