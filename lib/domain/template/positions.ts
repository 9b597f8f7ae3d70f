/**
 * Offset -> 1-based line/column, counted the way Monaco counts: columns in UTF-16 code units and
 * "\n", "\r\n" and a lone "\r" each end a line.
 */
export interface Position {
  line: number;
  column: number;
}

const LF = 10;
const CR = 13;

/**
 * Callers ask for positions in ascending order (the parser walks the body once), so the locator
 * keeps a cursor and only counts the newlines it has not seen yet: the whole parse stays linear
 * without building a line table. Asking for an earlier offset restarts from the top.
 */
export function createLocator(body: string): (offset: number) => Position {
  let cursor = 0; // everything before `cursor` has been counted
  let line = 1;
  let lineStart = 0;

  return (offset) => {
    if (offset < cursor) {
      cursor = 0;
      line = 1;
      lineStart = 0;
    }
    for (; cursor < offset; cursor++) {
      const c = body.charCodeAt(cursor);
      if (c === LF) {
        line++;
        lineStart = cursor + 1;
      } else if (c === CR && body.charCodeAt(cursor + 1) !== LF) {
        line++;
        lineStart = cursor + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
}
