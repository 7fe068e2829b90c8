// A small app on the types openapi-typescript generates (clients/generate.sh typescript) and openapi-fetch.
//
// It reads every endpoint of the content API in both languages: every page listed to the end and fetched, each
// narrowed to its own type by `type` (the switch below does not compile unless every page type is told apart),
// each type's listing with every field, find, images, documents, an initial sync and its delta, search, suggestions
// and the errors. It prints what it got as JSON; an answer with another status or shape than declared is a failure.
//
//   node app.js http://127.0.0.1:8000    (after tsc, with schema.d.ts beside it)
import createClient from "openapi-fetch";
import type { components, paths } from "./schema.js";

type Schemas = components["schemas"];
type Page = Schemas["Page"];
type Locale = Schemas["LocaleCode"];

const client = createClient<paths>({ baseUrl: process.argv[2] });
const failures: string[] = [];
const report: Record<string, unknown> = {};
let calls = 0;

function fail(label: string, detail: unknown): undefined {
  failures.push(`${label}: ${JSON.stringify(detail)}`);
  return undefined;
}

function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

// What a page says of itself, by its own type: each case sees that type's fields.
function describe(page: Page): string {
  switch (page.type) {
    case "home.HomePage":
      return `home with ${page.featured_pages?.length ?? 0} featured`;
    case "news.NewsIndexPage":
    case "resources.ResourceIndexPage":
      return `index ${page.title}`;
    case "news.NewsArticlePage":
      return `news ${page.date ?? ""} ${page.dateline ?? ""} ${page.body?.length ?? 0} blocks`;
    case "resources.ProgramPage":
      return `program from ${page.start_year ?? ""} with ${page.organizations?.length ?? 0} organisations`;
    case "resources.SuccessStoryPage":
      return `story of ${page.community ?? ""}, ${page.year ?? ""}`;
    case "resources.TipSheetPage":
      return `tips: ${page.tips?.length ?? 0}`;
    default: {
      const unknown: never = page;
      return fail("page of no known type", unknown) ?? "";
    }
  }
}

function blockName(block: { type: string }): string {
  return block.type;
}

async function everyPage(locale: Locale): Promise<Page[]> {
  const found: Page[] = [];
  for (let offset = 0; ; offset += 20) {
    calls++;
    const { data, response } = await client.GET("/api/v2/pages", { params: { query: { locale, limit: 20, offset } } });
    if (!data) return fail(`pages ${locale} ${offset}`, response.status) ?? found;
    found.push(...data.items);
    if (offset + 20 >= data.meta.total_count) return found;
  }
}

async function pages(locale: Locale): Promise<void> {
  const kinds: Record<string, number> = {};
  for (const item of await everyPage(locale)) {
    calls++;
    const { data: page } = await client.GET("/api/v2/pages/{id}", { params: { path: { id: item.id } } });
    if (!page || page.type !== item.type) {
      fail(`page ${item.id}`, page?.type);
      continue;
    }
    describe(page);
    tally(kinds, page.type);
    const path = new URL(page.meta.html_url ?? "").pathname;
    calls++;
    const found = await client.GET("/api/v2/pages/find", { params: { query: { html_path: path } }, redirect: "manual" });
    const reference = found.error as unknown as Schemas["PageReference"]; // openapi-fetch types 2xx bodies only
    if (found.response.status !== 302 || reference.id !== page.id) fail(`find ${path}`, found.response.status);
  }
  report[`pages ${locale}`] = kinds;
}

async function typedListings(locale: Locale): Promise<void> {
  const blocks: Record<string, number> = {};
  const types: Schemas["PageType"][] = [
    "home.HomePage",
    "news.NewsIndexPage",
    "news.NewsArticlePage",
    "resources.ResourceIndexPage",
    "resources.ProgramPage",
    "resources.SuccessStoryPage",
    "resources.TipSheetPage",
  ];
  for (const type of types) {
    calls++;
    const { data } = await client.GET("/api/v2/pages", { params: { query: { type, locale, fields: "*", limit: 100 } } });
    if (!data) {
      fail(`type ${type}`, "no data");
      continue;
    }
    for (const page of data.items) {
      if (page.type !== type) fail(`type ${type}`, page.type);
      if (page.type === "news.NewsArticlePage") page.body?.forEach((block) => tally(blocks, blockName(block)));
      if (page.type === "resources.TipSheetPage") page.tips?.forEach((block) => tally(blocks, blockName(block)));
      if (page.type === "resources.ProgramPage") page.figures?.forEach((block) => tally(blocks, `${block.type} ${typeof block.value.number}`));
    }
  }
  report[`blocks ${locale}`] = blocks;
}

async function media(): Promise<void> {
  for (let offset = 0, total = 1; offset < total; offset += 20) {
    calls++;
    const { data } = await client.GET("/api/v2/images", { params: { query: { limit: 20, offset } } });
    if (!data) return void fail("images", offset);
    total = data.meta.total_count;
    for (const image of data.items) {
      calls++;
      // A 16:9 hero 390 points wide on a 2x screen, cropped around the subject, in AVIF.
      const query = { image_width: 390, image_height: 219, image_fit: "fill", image_format: "avif", image_density: 2 } as const;
      const { data: one } = await client.GET("/api/v2/images/{id}", { params: { path: { id: image.id }, query } });
      if (!one?.renditions?.medium.webp.url) fail(`image ${image.id}`, one);
      if (one && (one.width ?? 0) >= 780 && (one.height ?? 0) >= 438) {
        const hero = one.rendition;
        const file = hero && (await fetch(hero.url));
        if (!hero || hero.width !== 780 || hero.height !== 438 || file?.headers.get("content-type") !== "image/avif") {
          fail(`image ${image.id} hero`, hero);
        }
      }
    }
    report.images = total;
  }
  calls++;
  const { data: documents } = await client.GET("/api/v2/documents", { params: { query: { limit: 100 } } });
  for (const document of documents?.items ?? []) {
    calls++;
    const { data: one } = await client.GET("/api/v2/documents/{id}", { params: { path: { id: document.id } } });
    if (!one?.download_url || !one.file_extension) fail(`document ${document.id}`, one);
  }
  report.documents = documents?.items.length;
}

async function sync(locale: Locale): Promise<void> {
  const kinds: Record<string, number> = {};
  let token: string | undefined;
  let query: paths["/api/v2/sync"]["get"]["parameters"]["query"] = { locale, limit: 50 };
  for (;;) {
    calls++;
    const { data }: { data?: Schemas["SyncAnswer"] } = await client.GET("/api/v2/sync", { params: { query } });
    if (!data) return void fail(`sync ${locale}`, query);
    for (const item of data.items) {
      const title = item.kind === "image" ? item.alt : item.kind === "document" ? item.file_extension : item.locale;
      tally(kinds, `${item.kind}${title === undefined ? " without its fields" : ""}`);
    }
    if (!data.next_page_token) {
      token = data.next_sync_token ?? undefined;
      break;
    }
    query = { token: data.next_page_token, limit: 50 };
  }
  calls++;
  const delta = await client.GET("/api/v2/sync", { params: { query: { token } } });
  calls++;
  const etag = delta.response.headers.get("ETag") ?? "";
  const again = await client.GET("/api/v2/sync", { params: { query: { token }, header: { "If-None-Match": etag } } });
  if (!delta.data || again.response.status !== 304) fail(`sync delta ${locale}`, again.response.status);
  report[`sync ${locale}`] = { ...kinds, delta: delta.data?.items.length };
}

async function search(): Promise<void> {
  for (const [locale, q] of [["en", "water"], ["zh-hans", "节水"]] as [Locale, string][]) {
    calls += 2;
    const { data } = await client.GET("/api/v2/search", { params: { query: { q, locale } } });
    const { data: suggested } = await client.GET("/api/v2/search/suggest", { params: { query: { q: q.slice(0, 2), locale } } });
    if (!data || !suggested) {
      fail(`search ${q}`, "no data");
      continue;
    }
    const years = (data.facets.year ?? []).map((facet) => facet.value + 0);
    report[`search ${locale}`] = { hits: data.items.length, suggestions: suggested.suggestions.length, years };
  }
}

async function errors(): Promise<void> {
  const answers = [
    await client.GET("/api/v2/pages", { params: { query: { limit: 1000, locale: "zh-hans" } } }),
    await client.GET("/api/v2/pages/{id}", { params: { path: { id: 999999 } } }),
    await client.GET("/api/v2/sync", { params: { query: { token: "garbage" } } }),
    await client.GET("/api/v2/pages/preview", { params: { query: { token: "garbage" } } }),
  ];
  calls += answers.length;
  report.errors = answers.map(({ error, response }) => {
    if (!error) fail("error", response.status);
    return `${response.status} ${error?.code} ${error?.parameter ?? ""}`.trim();
  });
}

for (const locale of ["en", "zh-hans"] as Locale[]) {
  await pages(locale);
  await typedListings(locale);
  await sync(locale);
}
await media();
await search();
await errors();
console.log(JSON.stringify({ ...report, calls, failures }));
process.exit(failures.length ? 1 : 0);
