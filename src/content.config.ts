// The `stories` collection: content/stories/*.md, compiled by the Plotline engine (see src/astro/stories-loader.ts).
// `defineCollection` is imported from "astro/content/config" rather than "astro:content" (the same function)
// so that `npm run typecheck` works on a fresh checkout, before Astro has generated .astro/types.d.ts.
import { defineCollection } from "astro/content/config";
import { frontmatterSchema } from "./engine/story/frontmatter-schema.ts";
import { storiesLoader } from "./astro/stories-loader.ts";

export const collections = {
  stories: defineCollection({
    loader: storiesLoader(),
    // The loader stores frontmatter the engine has already validated with this schema;
    // here it gives pages their types (CollectionEntry<"stories">["data"] is Frontmatter).
    schema: frontmatterSchema,
  }),
};
