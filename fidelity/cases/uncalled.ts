// Operations no official Authsignal client or Terraform resource calls, each with the reason: the
// only operations allowed to have no fidelity case. Keyed by API, then operationId.
export const uncalledOperations: Record<string, Record<string, string>> = {
  server: {},
  management: {},
  "call-connect": {},
};
