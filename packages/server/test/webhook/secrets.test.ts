import { readdir, readFile } from "node:fs/promises";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createServerClient, createWebhookVerifier, signWebhookPayload } from "../../src/index.ts";
import { emailCreated, emailCreatedBody, NOW, officialHeader, SECRET } from "./support.ts";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW * 1000);
});
afterEach(() => vi.useRealTimers());

/** Every way an error or object commonly ends up in a log. */
function renderings(value: unknown): string[] {
  const renderings = [inspect(value, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true })];
  renderings.push(JSON.stringify(value) ?? "", String(value));
  if (value instanceof Error) renderings.push(value.message, value.stack ?? "", inspect(value.cause));
  return renderings;
}

const secretForms = [SECRET, btoa(SECRET), btoa(`${SECRET}:`), encodeURIComponent(SECRET)];

function expectNoSecret(value: unknown): void {
  for (const text of renderings(value)) {
    for (const form of secretForms) expect(text).not.toContain(form);
  }
}

describe("the secret key", () => {
  it("does not appear in any rejection", async () => {
    const verifier = createWebhookVerifier(SECRET);
    const header = officialHeader(emailCreatedBody);
    const rejections = [
      verifier.constructEvent(emailCreatedBody, ""),
      verifier.constructEvent(emailCreatedBody, `t=abc,v2=x`),
      verifier.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody, NOW - 3600)),
      verifier.constructEvent(`${emailCreatedBody} `, header),
      verifier.constructEvent("not-json", officialHeader("not-json")),
      verifier.constructLogEventBatch(emailCreatedBody, header),
      verifier.constructEvent(emailCreatedBody, header, -1),
      verifier.constructEvent(emailCreated as never, header),
      signWebhookPayload({ payload: "{}", apiSecretKey: SECRET, timestamp: -1 }),
    ];
    const errors = await Promise.all(
      rejections.map((promise) =>
        promise.then(
          () => undefined,
          (error) => error,
        ),
      ),
    );
    expect(errors.every((error) => error instanceof Error)).toBe(true);
    for (const error of errors) expectNoSecret(error);
  });

  it("is not readable from a verifier", async () => {
    const verifier = createWebhookVerifier(SECRET);
    await verifier.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody));
    expectNoSecret(verifier);
    expect(Object.keys(verifier).sort()).toEqual(["constructEvent", "constructLogEventBatch"]);
    expect(Object.isFrozen(verifier)).toBe(true);
  });

  it("is not readable from a server client or its webhook verifier", async () => {
    const server = createServerClient({ apiSecretKey: SECRET, fetch: async () => Response.json({}) });
    await server.webhook.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody));
    expectNoSecret(server);
    expectNoSecret(server.webhook);
  });
});

describe("portability", () => {
  it("imports nothing from node: or Node-only modules, so it runs on every runtime", async () => {
    const directory = new URL("../../src/webhook/", import.meta.url);
    const files = (await readdir(directory)).filter((file) => file.endsWith(".ts"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const source = await readFile(new URL(file, directory), "utf8");
      const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map(
        (match) => match[1],
      );
      for (const specifier of specifiers) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(\.{1,2}\/|@authsignal-ts\/core$)/);
      }
      expect(source, file).not.toMatch(/\bprocess\.|\bBuffer\.|\brequire\(/);
    }
  });
});
