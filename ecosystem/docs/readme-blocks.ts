// The code in the READMEs, as a reader meets it: every fenced TypeScript example and every shell
// command, with what the docs say it prints. The docs tests run each one (typescript.test.ts,
// shell.test.ts) unless `notRun` below says why it cannot run inside a test.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@authsignal-ts/scripts/spec/apis";

export const readmes = [
  "README.md",
  "packages/server/README.md",
  "packages/management/README.md",
  "packages/client/README.md",
  "packages/emulator/README.md",
  "packages/core/README.md",
];

export interface TypeScriptExample {
  readme: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  /** What the example says it prints: the comment after each `console.log(…);`. */
  promised: string[];
}

export interface ShellCommand {
  readme: string;
  line: number;
  /** The command as written, without a trailing comment. */
  command: string;
  /** The whole-line comments right after the command: what it prints, in order. */
  promised: string[];
}

interface Fence {
  readme: string;
  line: number;
  language: string;
  body: string;
}

function fencesIn(readme: string): Fence[] {
  const text = readFileSync(join(repoRoot, readme), "utf8");
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)].map((match) => ({
    readme,
    line: text.slice(0, match.index).split("\n").length,
    language: match[1] ?? "",
    body: match[2] ?? "",
  }));
}

const fences = () => readmes.flatMap(fencesIn);

export function typeScriptExamples(): TypeScriptExample[] {
  return fences()
    .filter((fence) => fence.language === "ts")
    .map(({ readme, line, body }) => ({
      readme,
      line,
      code: body,
      promised: [...body.matchAll(/^console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1] ?? ""),
    }));
}

export function shellCommands(): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const fence of fences()) {
    if (!["sh", "bash", "shell", "console"].includes(fence.language)) continue;
    const lines = fence.body.split("\n");
    lines.forEach((text, index) => {
      if (text.trim() === "" || text.startsWith("#")) return;
      const promised: string[] = [];
      for (const next of lines.slice(index + 1)) {
        if (!next.startsWith("# ")) break;
        promised.push(next.slice(2));
      }
      commands.push({
        readme: fence.readme,
        line: fence.line + 1 + index,
        command: text.replace(/\s+#.*$/, "").trim(),
        promised,
      });
    });
  }
  return commands;
}

/** What cannot run inside a test, and why. Each entry must match a command or example that exists. */
export const notRun: { readme: string; starts: string; why: string }[] = [
  ...[
    "README.md",
    "packages/server/README.md",
    "packages/management/README.md",
    "packages/client/README.md",
    "packages/core/README.md",
  ].flatMap((readme) => [
    {
      readme,
      starts: "npm install @authsignal-ts/",
      why: "installs from the public registry; the consumer tests install the packed tarballs instead",
    },
  ]),
  { readme: "README.md", starts: "pnpm test", why: "it is the command that runs this test" },
  {
    readme: "packages/emulator/README.md",
    starts: "npm install --save-dev @authsignal-ts/emulator @stoplight/prism-cli",
    why: "installs from the public registry; the docs tests' project has the packed tarballs and the workspace's Prism",
  },
];

export function whyNotRun(readme: string, text: string): string | undefined {
  return notRun.find((entry) => entry.readme === readme && text.startsWith(entry.starts))?.why;
}

export const where = (item: { readme: string; line: number }) => `${item.readme}:${item.line}`;
