#pragma once
// The report page, as a mustache template: {{ }} escapes, {{{ }}} is only used for our own SVG and style sheet.

namespace ricochet::io {

inline constexpr const char* REPORT_TEMPLATE = R"(<!DOCTYPE html>
<html lang="{{lang}}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{{title}} — {{scenario}}</title><style>{{{style}}}</style></head>
<body><h1>{{title}}</h1><p>{{scenario}}</p>
{{#sections}}
<section id="{{id}}"><h2>{{heading}}</h2>
{{#notes}}<p>{{.}}</p>{{/notes}}
{{#figures}}{{{.}}}{{/figures}}
{{#tables}}{{#has_caption}}<h3>{{caption}}</h3>{{/has_caption}}<table>
{{#has_header}}<tr>{{#header}}<th>{{.}}</th>{{/header}}</tr>{{/has_header}}
{{#rows}}<tr class="{{css}}">{{#head}}<th>{{.}}</th>{{/head}}{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
{{/rows}}</table>
{{/tables}}
{{#explanations}}<h3>{{title}}</h3><pre>{{text}}</pre>
{{/explanations}}
</section>
{{/sections}}
<footer>{{footer}}</footer>
</body></html>
)";

} // namespace ricochet::io
