// The tenant's theme as the pre-built UI wears it: its name, logo and colours, as the Management
// API's updateTheme sets them. Everything here comes from the tenant and lands in the page's CSS or
// an attribute, so only what it is meant to be passes: a colour as hex, a logo as an https: or a
// data: image URL. Anything else is left out and the page keeps its own.
import type { components } from "@authsignal-ts/management";
import type { Frozen } from "../../state/frozen.ts";
import { escapeHtml } from "../html.ts";

type Theme = components["schemas"]["Theme"];

const hex = /^#[0-9a-f]{3,8}$/i;
const colour = (value: string | undefined, fallback: string) =>
  value !== undefined && hex.test(value) ? value : fallback;

/** A logo the page may show: https:, or a data: image, which the page's policy admits. */
function logoSource(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^data:image\/(png|gif|jpeg|webp|svg\+xml)[;,]/i.test(value)) return value;
  try {
    return new URL(value).protocol === "https:" ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface PageTheme {
  /** The name the page is titled with (escaped). */
  brand: string;
  /** What heads the card: the logo, named after the brand, or the brand as text. */
  header: string;
  /** The page's styles, in the theme's colours. */
  css: string;
}

export function pageTheme(theme: Frozen<Theme>, tenantName: string | undefined): PageTheme {
  const brand = escapeHtml(theme.name ?? tenantName ?? "Authsignal");
  const colors = theme.colors ?? {};
  const primary = colour(theme.primaryColor, "#1f2937");
  const buttonText = colour(colors.buttonPrimaryText, "#fff");
  const heading = colour(colors.headingText, "#111827");
  const text = colour(colors.bodyText, "#111827");
  const page = colour(theme.pageBackground?.backgroundColor, "#f3f4f6");
  const card = colour(colors.containerBackground, "#fff");
  const critical = colour(colors.critical, "#b91c1c");
  const logo = logoSource(theme.logoUrl);
  const height = Math.min(Math.max(Number(theme.container?.logoHeight) || 40, 16), 120);
  const header = logo ? `<p><img src="${escapeHtml(logo)}" alt="${brand}" height="${height}"></p>` : `<p>${brand}</p>`;
  const css = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:${page};color:${text}}
main{max-width:24rem;margin:3rem auto;background:${card};border-radius:.75rem;padding:1.5rem 2rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.25rem;color:${heading}}h2{font-size:1.05rem;color:${heading}}button{font:inherit;padding:.5rem 1rem;border-radius:.5rem;border:1px solid ${primary};background:${primary};color:${buttonText};cursor:pointer}
button.method{display:block;width:100%;margin:.5rem 0;background:${card};color:${primary}}button.back{margin-left:.5rem;background:${card};color:${primary}}
button:focus-visible,input:focus-visible{outline:3px solid ${primary};outline-offset:2px}
label{display:block;margin:.75rem 0 .25rem}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;letter-spacing:.2em}
[role=alert]{color:${critical}}[hidden]{display:none!important}`;
  return { brand, header, css };
}
