/**
 * Words for titles and sentences, shared by the chart builders and the report's narrative. A file of
 * its own so that the narrative (`reportNarrative`) does not load the chart options' rules with them.
 */

/** `text` with its first letter in capitals: "month" -> "Month". */
export function capitalized(text: string): string {
  return text.length > 0 ? (text[0] as string).toUpperCase() + text.slice(1) : text;
}
