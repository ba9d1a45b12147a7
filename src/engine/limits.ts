/**
 * The sizes Plotline reads, stated once: past them an editor gets a diagnostic, never a build that
 * runs out of memory or time. README.md and docs/authoring.md state the same figures.
 */

/**
 * The most data one block reads, written inside the story or in a file under data/, checked before it
 * is parsed. Charts draw aggregates; more than this is raw data that slows every build and weighs down
 * the page.
 */
export const MAX_DATA_BYTES = 10 * 1024 * 1024;

/**
 * The largest story file read, checked from its size on disk before it is read: room for a data block
 * at the limit above and the story around it.
 */
export const MAX_STORY_BYTES = 16 * 1024 * 1024;

/**
 * The deepest Markdown nesting of blockquotes and lists read. Stories nest a few levels; parsing and
 * rendering deeper trees costs stack space, so a story past this is refused at the line that crosses it.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * The longest expression read (a computed channel, a filter, a sort key, a :value[…] expression). A
 * formula is a line; past this, text is refused before it is parsed, so that no nesting can exhaust
 * the parser's stack.
 */
export const MAX_EXPRESSION_LENGTH = 2000;

/** A size as messages about these limits give it: "12 MB", "12.6 MB". */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 100 * 1024 * 1024 ? 1 : 0).replace(/\.0$/, "")} MB`;
