/**
 * The search page's script (and the only place search code runs: story pages load none of it). It
 * searches as the reader types, with Pagefind's index of the page's language (written by `plotline
 * build`, see src/cli/search-index.ts), and lists the stories found: headline, date and an excerpt with
 * the words found marked, each linking to the story under the site's base path. The count is announced
 * in a status region. The query is kept in the address (?q=), so a search can be shared, reloaded or
 * reached from the other language's search page. A choice of topic (?tag=, the slug of a tag page)
 * narrows the results to the stories with that tag, and with no words lists them all. Pagefind compiles WebAssembly, so the site's
 * Content-Security-Policy allows 'wasm-unsafe-eval' (src/astro/content-security-policy.ts).
 */

/** The part of Pagefind's browser API used here (pagefind/pagefind.js in the built site). */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  /** A null term with filters: every page the filters let through. */
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { id: string; data: () => Promise<PagefindResult> }[] }>;
}
interface PagefindResult {
  url: string;
  /** HTML: the text around the words found, entities escaped, the words in <mark>. */
  excerpt: string;
  meta: { title?: string; date?: string };
}

/** Results drawn at a time; "Show more" draws the next ones. */
const pageSize = 10;
/** Wait this long after the last keystroke before searching. */
const typingPause = 250;

const form = document.querySelector<HTMLFormElement>("form[data-plotline-search]");
if (form) setUpSearch(form);

function setUpSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>("input[name=q]")!;
  // Absent when this language's stories have no tags.
  const topic = form.querySelector<HTMLSelectElement>("select[data-plotline-search-topic]");
  const status = document.querySelector<HTMLElement>("[data-plotline-search-status]")!;
  const list = document.querySelector<HTMLOListElement>("[data-plotline-search-results]")!;
  const more = document.querySelector<HTMLButtonElement>("[data-plotline-search-more]")!;
  const otherLanguages = [...document.querySelectorAll<HTMLAnchorElement>("a[data-plotline-search-other]")];
  const words = form.dataset as Record<string, string>;
  const lang = document.documentElement.lang || "en";
  const dates = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ words["bundle"]!) as Promise<Pagefind>).then(async (api) => {
      await api.options({ baseUrl: words["base"]! });
      await api.init();
      return api;
    }));

  // Only the latest search draws its results; an older one that finishes later is dropped.
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let remaining: { data: () => Promise<PagefindResult> }[] = [];

  const fill = (template: string, count: number, query: string) =>
    template.replace("{count}", String(count)).replace("{query}", query);

  /** The chosen topic's slug ("" for every topic), and its name for the status line. */
  const chosenTopic = () => (topic && topic.selectedIndex > 0 ? { slug: topic.value, name: topic.options[topic.selectedIndex]!.text } : undefined);

  async function run(query: string) {
    const id = ++latest;
    const tag = chosenTopic();
    keepInAddress(query, tag?.slug ?? "");
    if (query === "" && !tag) {
      status.textContent = "";
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    status.textContent = words["searching"]!;
    try {
      const api = await load();
      const { results } = await api.search(query === "" ? null : query, tag ? { filters: { tag: tag.slug } } : {});
      if (id !== latest) return;
      list.replaceChildren();
      remaining = results;
      await showMore(id);
      if (id !== latest) return;
      const count = results.length;
      // With no words, the count is of the topic's stories: the status names the topic instead.
      status.textContent = fill(count === 0 ? words["none"]! : count === 1 ? words["one"]! : words["many"]!, count, query || tag!.name);
    } catch (error) {
      if (id !== latest) return;
      console.error("Search failed:", error);
      status.textContent = words["unavailable"]!;
      more.hidden = true;
    }
  }

  async function showMore(id: number) {
    const next = remaining.slice(0, pageSize);
    remaining = remaining.slice(pageSize);
    const found = await Promise.all(next.map((result) => result.data()));
    if (id !== latest) return;
    list.append(...found.map(resultItem));
    more.hidden = remaining.length === 0;
  }

  function resultItem(result: PagefindResult): HTMLLIElement {
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    heading.className = "search-result-title";
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    item.append(heading);
    const date = result.meta.date ? new Date(result.meta.date) : undefined;
    if (date && !Number.isNaN(date.getTime())) {
      const time = document.createElement("time");
      time.className = "search-result-date";
      time.dateTime = result.meta.date!;
      time.textContent = dates.format(date);
      item.append(time);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(excerpt);
    return item;
  }

  function keepInAddress(query: string, tag: string) {
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    if (tag) url.searchParams.set("tag", tag);
    else url.searchParams.delete("tag");
    history.replaceState(null, "", url);
    for (const link of otherLanguages) {
      const other = new URL(link.href);
      if (query) other.searchParams.set("q", query);
      else other.searchParams.delete("q");
      link.setAttribute("href", other.pathname + other.search);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value.trim());
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    // Starts fetching the index while the reader is still typing.
    void load().then((api) => api.preload(input.value.trim()), () => undefined);
    timer = setTimeout(() => void run(input.value.trim()), typingPause);
  });
  topic?.addEventListener("change", () => {
    clearTimeout(timer);
    void run(input.value.trim());
  });
  more.addEventListener("click", () => {
    // Focus moves to the first new result, so keyboard and screen reader users carry on from there.
    const before = list.children.length;
    void showMore(latest).then(() => list.children[before]?.querySelector("a")?.focus());
  });

  const address = new URL(location.href).searchParams;
  const initial = address.get("q")?.trim() ?? "";
  const initialTag = address.get("tag") ?? "";
  // A topic this language does not have (a shared link from the other language) is left unchosen.
  if (topic && initialTag && [...topic.options].some((option) => option.value === initialTag)) topic.value = initialTag;
  if (initial || chosenTopic()) {
    input.value = initial;
    void run(initial);
  }
}

/**
 * Pagefind's excerpt as DOM nodes: its text, with <mark> kept around the words found. The excerpt is
 * parsed in an inert <template> (nothing in it runs or loads) and only its text is copied out.
 */
function excerptNodes(html: string): Node[] {
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}
