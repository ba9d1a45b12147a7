import type { CompiledChart } from "../compiled-chart.ts";
import { socialCardPath, type ChartAsset } from "../site-files.ts";
import type { Frontmatter } from "../story/frontmatter-schema.ts";
import type { Rasterizer } from "./rasterize-svg.ts";
import { CARD_HEIGHT, CARD_WIDTH, socialCardSvg } from "./social-card-svg.ts";

/** A story's social card as pages need it for og:image and twitter:image. */
export interface SocialCard {
  /** Under the site root, without the base: "_plotline/cards/<slug>.png". */
  path: string;
  width: number;
  height: number;
  /** What the picture shows, for readers who cannot see it (og:image:alt). */
  alt: string;
}

export interface SocialCardInput {
  slug: string;
  frontmatter: Frontmatter;
  siteName: string;
  /** The story's first chart, if it has one. */
  chart?: CompiledChart | undefined;
  rasterize: Rasterizer;
}

/** Draws a story's social card (see social-card-svg.ts) as a PNG of exactly 1200 × 630. */
export function socialCard({ slug, frontmatter, siteName, chart, rasterize }: SocialCardInput): { card: SocialCard; asset: ChartAsset } {
  const svg = socialCardSvg({ siteName, title: frontmatter.title, dek: frontmatter.dek, lang: frontmatter.lang, chartMarkup: chart?.chartMarkup });
  const path = socialCardPath(slug);
  const chartAlt = chart?.spec.figure.alt;
  const alt = chartAlt ? `${frontmatter.title}${frontmatter.lang === "zh-CN" ? "。" : ". "}${chartAlt}` : frontmatter.title;
  return {
    card: { path, width: CARD_WIDTH, height: CARD_HEIGHT, alt },
    asset: { path, content: rasterize(svg, { scale: 1 }) },
  };
}
