// Rules, adversarially: a rule's conditions are bounded in size and depth wherever a rule comes
// from (create, update, a flow, a seed), with a 4xx that names the limit, and its evaluation is
// bounded in work: a rule over budget fails its own track with a clear error while another
// client's track is answered, and the state export on shutdown never meets a rule it cannot write.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { DEFAULT_MANAGEMENT_SECRET } from "../../src/index.ts";
import { tempDir } from "../cli/support.ts";
import {
  basic,
  type CliEmulator,
  expectNormalTrack,
  expectStartRefused,
  healthSeed,
  type RawResponse,
  startEmulatorCli,
  useEmulatorCli,
} from "./support.ts";

const cli = useEmulatorCli();

/**
 * `{"and":[{"and":[… {"==":[1,1]} …]}]}` as JSON text, which nests two levels for each `and`: as
 * text, since JSON.stringify itself cannot write the deepest.
 */
function deepConditions(jsonLevels: number): string {
  const ands = Math.max(0, Math.floor((jsonLevels - 2) / 2));
  return `${'{"and":['.repeat(ands)}{"==":[1,1]}${"]}".repeat(ands)}`;
}

/** Three nested `map`s over literal arrays and a `reduce` over them, at most `bytes` long: little text, much work. */
function nestedMaps(bytes: number): object {
  const build = (width: number) => {
    const items = Array.from({ length: width }, (_, index) => index);
    return {
      reduce: [
        { map: [items, { map: [items, { map: [items, { "+": [{ var: "" }, 1] }] }] }] },
        { "+": [{ var: "accumulator" }, 1] },
        0,
      ],
    };
  };
  let width = Math.floor(bytes / 12);
  while (JSON.stringify(build(width)).length > bytes) width -= 16;
  return build(width);
}

/** `some` nested eight times over 20 literal items: 20⁸ steps in half a kilobyte, 18 levels deep. */
function nestedSomes(): object {
  const items = Array.from({ length: 20 }, (_, index) => index);
  let conditions: object = { "==": [{ var: "" }, -1] };
  for (let level = 0; level < 8; level++) conditions = { some: [items, conditions] };
  return conditions;
}

/** An action of its own for the rules under test, so the normal track's rule stays as it is. */
const heavyAction = { actionCode: "heavy", defaultUserActionResult: "ALLOW" };
const rule = (conditions: object) => ({ name: "heavy", isActive: true, priority: 0, type: "BLOCK", conditions });
/** A rule's JSON text around conditions given as text. */
const ruleText = (conditions: string) =>
  `{"name":"deep","isActive":true,"priority":0,"type":"BLOCK","conditions":${conditions}}`;

/** A Management request whose body is given as text. */
const sendText = (emulator: CliEmulator, method: string, path: string, body: string) =>
  emulator.raw({
    method,
    path: `/v1/management${path}`,
    headers: { authorization: basic(DEFAULT_MANAGEMENT_SECRET), "content-type": "application/json" },
    body,
  });

async function expectRefused(answer: RawResponse, field: string, limit: RegExp) {
  expect(answer.status).toBe(400);
  expect(answer.json.errorCode).toBe("invalid_request");
  expect(answer.json.errorDescription).toMatch(new RegExp(`^${field.replaceAll(/[.[\]]/g, "\\$&")}\\b`));
  expect(answer.json.errorDescription).toMatch(limit);
}

/**
 * A process of the test's own, stopped when the test finishes however it does: before the limits,
 * these rules held its event loop for minutes, past the test's own limit.
 */
async function isolatedCli(): Promise<CliEmulator> {
  const emulator = await startEmulatorCli();
  onTestFinished(() => emulator.stop());
  return emulator;
}

describe("a rule's conditions at creation", () => {
  async function expectDeepRefused(levels: number) {
    const conditions = deepConditions(levels);
    const created = await sendText(cli(), "POST", "/action-configurations/healthCheck/rules", ruleText(conditions));
    expect(created.status).toBe(400);
    expect(created.json.errorDescription).toMatch(/nested deeper than (32|64) levels/);
    const path = "/action-configurations/healthCheck/rules/health-block";
    expect((await sendText(cli(), "PATCH", path, `{"conditions":${conditions}}`)).status).toBe(400);
    await cli().management("POST", "/action-configurations", { actionCode: "flowAction", actionType: "FLOW" });
    const flow = await sendText(
      cli(),
      "PUT",
      "/action-configurations/flowAction/flow",
      `{"actionNodes":[{"nodeId":"n1","nodeType":"RULE","ruleChildNodeIds":[["r1","n1"]]}],"rules":[{"ruleId":"r1","name":"deep","conditions":${conditions}}]}`,
    );
    expect(flow.status).toBe(400);
    expect((await cli().testApi("GET", "/state")).status).toBe(200);
    await expectNormalTrack(cli());
  }

  it.each([1_619, 200_000])("%i JSON levels deep are refused, naming the limit", expectDeepRefused);

  it("40 JSON levels deep are refused, naming the limit", () => expectDeepRefused(40));

  it("of 32 levels are taken, and of 34 refused naming conditions and the limit of 32", async () => {
    await cli().management("POST", "/action-configurations", heavyAction);
    const path = "/action-configurations/heavy/rules";
    expect((await sendText(cli(), "POST", path, ruleText(deepConditions(32)))).status).toBe(200);
    await expectRefused(
      await sendText(cli(), "POST", path, ruleText(deepConditions(34))),
      "body.conditions",
      /32 levels/,
    );
    await expectNormalTrack(cli());
  });

  it("of 56 KB (nested map and reduce) are refused naming the limit of 32 KiB, created or updated", async () => {
    // Its own process: before the limit, the rule was taken, and the next track held the event loop.
    const emulator = await isolatedCli();
    const conditions = nestedMaps(56 * 1024);
    expect(JSON.stringify(conditions).length).toBeGreaterThan(50 * 1024);
    const path = "/action-configurations/healthCheck/rules";
    await expectRefused(await emulator.management("POST", path, rule(conditions)), "body.conditions", /32 KiB/);
    await expectRefused(
      await emulator.management("PATCH", `${path}/health-block`, { conditions }),
      "body.conditions",
      /32 KiB/,
    );
    await expectNormalTrack(emulator);
  });

  it("too deep or too large in a seed stop the start, naming the rule and the limit", async () => {
    for (const [conditions, limit] of [
      [JSON.parse(deepConditions(40)), /seed\.rules\[1\]\.conditions .*32 levels/],
      [nestedMaps(56 * 1024), /seed\.rules\[1\]\.conditions .*32 KiB/],
    ] as const) {
      const seed = { ...healthSeed, rules: [...healthSeed.rules, { actionCode: "healthCheck", ...rule(conditions) }] };
      expect(await expectStartRefused({ seed })).toMatch(limit);
    }
  });
});

/** A value list of 50,000 items, and a rule that copies it into an accumulator item by item: quadratic work. */
async function quadraticOverList(emulator: CliEmulator): Promise<object> {
  const items = Array.from({ length: 50_000 }, (_, index) => `i${index}`);
  const list = { name: "big", itemType: "string", isActive: true, valueListItems: items };
  expect((await emulator.management("POST", "/value-lists", list)).status).toBe(200);
  return {
    "==": [{ reduce: [{ valueList: "big" }, { merge: [{ var: "accumulator" }, [{ var: "current" }]] }, []] }, []],
  };
}

describe("a rule's evaluation", () => {
  it.each([
    ["eight nested somes over literal arrays", async () => nestedSomes()],
    ["nested maps over literal arrays, within the size limit", async () => nestedMaps(30 * 1024)],
    ["a reduce that copies a large value list item by item", quadraticOverList],
  ] as const)(
    "over budget (%s) fails its own track with a clear error, and another client's track is answered",
    async (_, conditionsFor) => {
      const emulator = await isolatedCli();
      await emulator.management("POST", "/action-configurations", heavyAction);
      const created = await emulator.management(
        "POST",
        "/action-configurations/heavy/rules",
        rule(await conditionsFor(emulator)),
      );
      expect(created.status).toBe(200);
      const heavy = emulator.server("POST", "/users/usr_heavy/actions/heavy", {
        idempotencyKey: randomUUID(),
        deviceId: "heavy-device",
      });
      const other = emulator.server("POST", "/users/usr_other/actions/signIn", { idempotencyKey: randomUUID() });
      // Handled now, awaited below: a stalled emulator is killed when the test times out, and the
      // resets of these requests must fail this test, not the run.
      for (const pending of [heavy, other]) pending.catch(() => {});
      expect((await other).status).toBe(200);
      const answer = await heavy;
      expect(answer.status).toBe(400);
      expect(answer.json.errorCode).toBe("rule_budget_exceeded");
      expect(answer.json.errorDescription).toContain(created.json.ruleId);
      const { json } = await emulator.testApi("GET", "/state");
      expect(Object.keys(json.server.users)).not.toContain("usr_heavy");
      await expectNormalTrack(emulator);
    },
  );
});

describe("the export on shutdown", () => {
  it("is written after an attempt to store a rule too deep to write", async () => {
    const file = join(tempDir(), "state.json");
    const emulator = await startEmulatorCli({ args: ["--export-on-exit", file] });
    onTestFinished(() => emulator.stop());
    const path = "/action-configurations/healthCheck/rules";
    const deep = await sendText(emulator, "POST", path, ruleText(deepConditions(1_619)));
    expect(deep.status).toBe(400);
    await expectNormalTrack(emulator);
    emulator.child.child.kill("SIGTERM");
    expect(await emulator.child.closed).toEqual({ code: 0, signal: null });
    expect(JSON.parse(readFileSync(file, "utf8")).management.rules.healthCheck).toHaveProperty("health-block");
  });
});
