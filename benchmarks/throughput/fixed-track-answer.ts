// The Track answer the floor gives every request (bare-track-server.ts), and the one the ablation's
// emulator without a handler gives: the same bytes, so the two are compared on the same answer.
export const fixedTrackAnswer = JSON.stringify({
  state: "ALLOW",
  idempotencyKey: "00000000-0000-4000-8000-000000000000",
  url: "http://127.0.0.1/ui",
  token: "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl",
  isEnrolled: false,
  allowedVerificationMethods: [],
  enrolledVerificationMethods: [],
});
