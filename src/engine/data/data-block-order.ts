import type { StoryBlock } from "../story/story-block.ts";

/**
 * The order data blocks are read in: blocks with join= after all others, so the table a block of
 * shapes joins may be defined anywhere in the story; among them, one joining the table of another
 * join comes after it. Otherwise document order (a cycle of joins keeps it, and is reported there).
 */
export function dataBlockOrder(blocks: readonly StoryBlock[]): StoryBlock[] {
  const data = blocks.filter((b) => b.kind === "data");
  const order = data.filter((b) => !b.attributes.has("join"));
  let pending = data.filter((b) => b.attributes.has("join"));
  while (pending.length > 0) {
    const waiting = new Set(pending.map((b) => b.attribute("id")));
    const ready = pending.filter((b) => b.attribute("join") === b.attribute("id") || !waiting.has(b.attribute("join")?.trim()));
    const next = ready.length > 0 ? ready : pending;
    order.push(...next);
    pending = pending.filter((b) => !next.includes(b));
  }
  return order;
}
