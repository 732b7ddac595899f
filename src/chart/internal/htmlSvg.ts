import { escapeHtml } from "../../core/index.js";

/**
 * Prepares an SVG string for inlining into the report: keeps only what draws (drops anything that
 * could run script or fetch a resource: defence in depth, vega's renderer already escapes text),
 * gives ids a per-chart prefix (several inline SVGs share one id space, and vega names clip paths
 * `clip1`, `clip2` in every chart) and marks the root as an image with an accessible name. Internal.
 */

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  "script",
  "foreignobject",
  "iframe",
  "object",
  "embed",
  "image",
  "use",
  "set",
  "animate",
  "animatemotion",
  "animatetransform",
  "handler",
  "listener",
  "a",
  "style",
]);

/** One token of the SVG: a start tag (with attributes), an end tag, a comment or declaration, or text. */
const TOKEN =
  /<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>|[^<]+|</g;
const ATTRIBUTE = /\s+([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

const escapeAttribute = (text: string) =>
  text
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;");

/** An attribute value that may reference a resource: only local `#id` references survive. */
function cleanValue(name: string, value: string, prefix: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower === "href" || lower === "xlink:href" || lower === "src") {
    return value.startsWith("#") ? `#${prefix}${value.slice(1)}` : undefined;
  }
  if (lower === "id") return `${prefix}${value}`;
  if (/url\s*\(|@import|expression\s*\(/i.test(value)) {
    const local = value.replace(
      /url\(\s*(['"]?)#([^)'"]+)\1\s*\)/gi,
      (_, q: string, id: string) => `url(${q}#${prefix}${id}${q})`,
    );
    // Anything that still fetches (url() to a non-local target, @import) drops the attribute.
    if (/url\(\s*(?!['"]?#)|@import|expression\s*\(/i.test(local)) return undefined;
    return local;
  }
  return value;
}

/**
 * Returns `svg` safe to inline: no script, event handlers, links, styles or external references;
 * ids prefixed with `prefix`; `role="img"` and `aria-label` (escaped) on the root.
 * Throws a TypeError (the caller turns it into a typed error) when `svg` holds no `<svg>` element.
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const out: string[] = [];
  let skipping: string | undefined;
  let skipDepth = 0;
  const open: string[] = [];
  let seenRoot = false;
  let closedRoot = false;
  for (const match of svg.matchAll(TOKEN)) {
    const [token, endName, startName, attributes = "", selfClosing] = match;
    if (closedRoot) break;
    if (endName !== undefined) {
      const name = endName.toLowerCase();
      if (skipping !== undefined) {
        if (name === skipping && --skipDepth === 0) skipping = undefined;
        continue;
      }
      if (!seenRoot) continue;
      // Close up to the matching open element (tolerates a missing end tag), ignore a stray end tag.
      let at = open.length - 1;
      while (at >= 0 && open[at]?.toLowerCase() !== name) at--;
      if (at < 0) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      if (open.length === 0) closedRoot = true;
      continue;
    }
    if (startName !== undefined) {
      const name = startName.toLowerCase();
      if (skipping !== undefined) {
        if (name === skipping && selfClosing !== "/") skipDepth++;
        continue;
      }
      if (!seenRoot) {
        if (name !== "svg") continue;
        seenRoot = true;
      } else if (DROPPED.has(name)) {
        if (selfClosing !== "/") {
          skipping = name;
          skipDepth = 1;
        }
        continue;
      }
      const kept: string[] = [];
      for (const [, attributeName = "", double, single, bare] of attributes.matchAll(ATTRIBUTE)) {
        const lower = attributeName.toLowerCase();
        if (lower.startsWith("on")) continue;
        if (open.length === 0 && (lower === "role" || lower === "aria-label")) continue;
        const value = cleanValue(attributeName, double ?? single ?? bare ?? "", prefix);
        if (value === undefined) continue;
        kept.push(` ${attributeName}="${escapeAttribute(value)}"`);
      }
      if (open.length === 0) kept.push(` role="img" aria-label="${escapeHtml(label)}"`);
      out.push(`<${startName}${kept.join("")}${selfClosing === "/" ? "/" : ""}>`);
      if (selfClosing !== "/") open.push(startName);
      else if (open.length === 0) closedRoot = true;
      continue;
    }
    if (skipping !== undefined || !seenRoot) continue;
    if (token.startsWith("<!") || token.startsWith("<?")) continue;
    // Text: a stray "<" is escaped; everything else is already text (entities kept as they are).
    out.push(token === "<" ? "&lt;" : token.replace(/>/g, "&gt;"));
  }
  if (!seenRoot) throw new TypeError("expected an SVG document with an <svg> element");
  // Close whatever a truncated document left open so the rest of the page is not swallowed.
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join("");
}
