import Mustache

/// The page templates, compiled into the binary as string literals (nothing sits beside it).
/// Mustache escapes every `{{value}}` for HTML; the only unescaped insertion is `{{{svg}}}`,
/// whose text `SVGWriter` built and escaped itself.
///
/// Every template is XHTML (served as `application/xhtml+xml`): no named entities but the five
/// XML ones, every element closed.
enum Templates {
  static let layout = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>{{title}} · Pedigree</title>
    <link rel="stylesheet" href="\(WebUI.stylesheetPath)"/>
    </head>
    <body>
    <header class="top"><a class="brand" href="/">Pedigree</a>
    <nav>{{#nav}}<a href="{{href}}" class="{{cls}}">{{text}}</a>{{/nav}}</nav>
    {{#hasSession}}<form class="logout" method="post" action="/logout"><button type="submit">Log out</button></form>{{/hasSession}}
    </header>
    <main>
    <h1>{{title}}</h1>
    {{#hasSubtitle}}<p class="subtitle">{{#subtitle}}{{> span}}{{/subtitle}}</p>{{/hasSubtitle}}
    {{#blocks}}{{> block}}{{/blocks}}
    </main>
    <footer>{{#hasJSON}}<a href="{{json}}">JSON of this page</a> · {{/hasJSON}}{{footer}}</footer>
    </body>
    </html>

    """

  static let span = """
    {{#hasHref}}<a href="{{href}}" class="{{cls}}">{{text}}</a>{{/hasHref}}{{^hasHref}}<span class="{{cls}}">{{text}}</span>{{/hasHref}}
    """

  static let block = """
    {{#isHeading}}<h2 id="{{id}}">{{text}}</h2>
    {{/isHeading}}{{#isParagraph}}<p class="{{cls}}">{{#spans}}{{> span}}{{/spans}}</p>
    {{/isParagraph}}{{#isFields}}<dl class="fields {{cls}}">{{#fields}}<dt>{{key}}</dt><dd class="{{cls}}">{{#spans}}{{> span}}{{/spans}}</dd>{{/fields}}</dl>
    {{/isFields}}{{#isTable}}<table class="{{cls}}"><thead><tr>{{#headers}}<th>{{.}}</th>{{/headers}}</tr></thead><tbody>
    {{#rows}}<tr class="{{cls}}">{{#cells}}<td class="{{cls}}">{{#spans}}{{> span}}{{/spans}}</td>{{/cells}}</tr>
    {{/rows}}</tbody></table>
    {{/isTable}}{{#isSVG}}<figure class="{{cls}}">{{{svg}}}<figcaption>{{#spans}}{{> span}}{{/spans}}</figcaption></figure>
    {{/isSVG}}{{#isCommand}}<pre class="command"><code>{{text}}</code></pre>
    {{/isCommand}}{{#isForm}}<form class="query" method="{{method}}" action="{{action}}">{{#inputs}}<label>{{label}} <input type="{{type}}" name="{{name}}" value="{{value}}" size="{{size}}"/></label> {{/inputs}}<button type="submit">{{submit}}</button></form>
    {{/isForm}}{{#isOpen}}<section class="{{cls}}">
    {{/isOpen}}{{#isClose}}</section>
    {{/isClose}}
    """

  /// The library every page renders with.
  static let library: MustacheLibrary = {
    var library = MustacheLibrary()
    for (name, text) in [("layout", layout), ("span", span), ("block", block)] {
      do {
        try library.register(text, named: name)
      } catch {
        // The templates are literals of this file: a parse error is a programming error, caught
        // by every test that renders a page.
        preconditionFailure("template \(name) does not parse: \(error)")
      }
    }
    return library
  }()
}
