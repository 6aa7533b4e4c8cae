/** Telegram's limit on a message's text; counted here in UTF-16 units, which is never fewer than Telegram counts. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * Splits a text into messages of at most `max` characters, on line boundaries where it can:
 * a line longer than a whole message is cut at its last space that fits, or else anywhere that
 * does not split a surrogate pair. Joining the parts with "\n" gives the text back, except for
 * the line breaks a part ends on.
 */
export function splitMessage(text: string, max = MAX_MESSAGE_LENGTH): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== "") parts.push(current);
    current = "";
    let rest = line;
    while (rest.length > max) {
      const cut = cutPoint(rest, max);
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut).replace(/^ /, "");
    }
    current = rest;
  }
  if (current !== "" || parts.length === 0) parts.push(current);
  return parts.filter((part) => part.trim() !== "");
}

function cutPoint(line: string, max: number): number {
  const space = line.lastIndexOf(" ", max);
  if (space > max / 2) return space;
  const code = line.charCodeAt(max - 1);
  // A high surrogate as the last unit would split a pair: cut one earlier.
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
