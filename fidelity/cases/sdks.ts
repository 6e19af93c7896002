// The seven official server SDKs at the commits the server and Call Connect cases were read at:
// each snapshot's newest commit, and for Node the one published as @authsignal/node 2.21.0.
export const node = { repo: "authsignal/authsignal-node", commit: "dca8a296e677dbc06cd0f2fd609f4f73f28eada5" } as const;
export const go = { repo: "authsignal/authsignalgo", commit: "ba3d89657d07a292f08c7b046318702ff871ff7e" } as const;
export const python = {
  repo: "authsignal/authsignal-python",
  commit: "32f21a951e44649791d9bc8db072abf8587a1b26",
} as const;
export const ruby = { repo: "authsignal/authsignal-ruby", commit: "cba87bce062571ec24d7040f18a1b21ea4372cea" } as const;
export const dotnet = {
  repo: "authsignal/authsignal-dotnet",
  commit: "123e06e5f7d2cd63c7dd37d9447cbf26d33d2c01",
} as const;
export const java = { repo: "authsignal/authsignal-java", commit: "7aad6c2edd60a51f949e3ec2511c7b89bba3c7da" } as const;
export const php = { repo: "authsignal/authsignal-php", commit: "ed9b95e06bd0006e82874cc4ddfc4ab80eeb8f89" } as const;
