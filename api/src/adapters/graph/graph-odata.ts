/*
 * OData query values for the Graph client. The client copies `.filter(…)` into the URL as it is given: it
 * percent-encodes nothing, and the URL parser leaves `%xx`, `&` and `#` alone. Unencoded, an `&` in a value
 * would start a new query parameter, a `#` would cut the query off as a fragment, and a `%27` typed by a
 * user would reach Graph as a quote that ends the string literal early — letting a search rewrite the
 * filter. So a value is first made an OData string literal, then the whole expression is percent-encoded.
 */

/** An OData string literal: single quotes, with each quote inside doubled (OData's only escape in strings). */
export function odataString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A `$filter` expression as it must appear in the URL: every reserved character percent-encoded. */
export function encodedFilter(expression: string): string {
  return encodeURIComponent(expression);
}
