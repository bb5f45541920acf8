/**
 * The Teams join block Exchange writes into an online meeting's HTML body (docs/reference/graph-calendar.md §3): Graph
 * derives `onlineMeeting` from it, so a body PATCH without it disables joining (docs#9741). Exchange appends it at the
 * end of the body between two rules of underscores.
 */
const RULE = /_{30,}/g;

/** The block as it stands in `body` (from the opening rule's element to the end of the content), or null. */
export function extractJoinBlock(body: string, joinUrl: string): string | null {
  const at = findJoinUrl(body, joinUrl);
  if (at < 0) return null;
  const content = innerBody(body);
  const offset = body.indexOf(content);
  const local = at - offset;
  let ruleAt = -1;
  for (const match of content.matchAll(RULE)) {
    if (match.index >= local) break;
    ruleAt = match.index;
  }
  if (ruleAt < 0) return `<p><a href="${joinUrl.replaceAll('&', '&amp;')}">Join the Microsoft Teams meeting</a></p>`;
  const blockStart = content.lastIndexOf('<div', ruleAt);
  return content.slice(blockStart >= 0 ? blockStart : ruleAt).trim();
}

/**
 * `nextBody` as Confer wants it, with the current join block appended when the new body no longer carries
 * the join link. Without a join URL (in-person meetings) the body goes out unchanged.
 */
export function preserveJoinBlock(nextBody: string, currentBody: string, joinUrl: string | null): string {
  if (!joinUrl || findJoinUrl(nextBody, joinUrl) >= 0) return nextBody;
  const block = extractJoinBlock(currentBody, joinUrl);
  return block ? `${nextBody}\n${block}` : nextBody;
}

export function hasJoinLink(body: string, joinUrl: string): boolean {
  return findJoinUrl(body, joinUrl) >= 0;
}

function findJoinUrl(body: string, joinUrl: string): number {
  const plain = body.indexOf(joinUrl);
  return plain >= 0 ? plain : body.indexOf(joinUrl.replaceAll('&', '&amp;'));
}

/** Graph returns bodies wrapped in `<html><head>…</head><body>…</body></html>`; the block lives inside. */
function innerBody(body: string): string {
  const open = /<body[^>]*>/i.exec(body);
  const close = body.search(/<\/body>/i);
  if (!open || close < 0) return body;
  return body.slice(open.index + open[0].length, close);
}
