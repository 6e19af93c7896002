// Get, update and query actions as each official SDK sends them, with the fields their tests read.
import type { operations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { go, java, node, php } from "../sdks.ts";

const serverCase = caseBuilder<operations>();

const key = "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d";

export default [
  serverCase("getAction", {
    name: "Go: an action just tracked, with its rules engine output",
    source: { ...go, path: "client/actions_test.go", at: "TestActions, GetAction" },
    method: "GET",
    path: `/users/user123/actions/go-sdk-test/${key}`,
    response: {
      status: 200,
      body: {
        state: "CHALLENGE_REQUIRED",
        createdAt: "2025-06-02T21:03:40.512Z",
        stateUpdatedAt: "2025-06-02T21:03:40.512Z",
        output: {},
        rules: [{ ruleId: "7b8f5d6c-2f0e-4b1a-9e3d-1c2b3a4d5e6f", name: "Challenge everyone" }],
      },
      source: { ...go, path: "client/actions_test.go", at: "TestActions: State, Output not nil" },
    },
  }),
  serverCase("getAction", {
    name: "Node: an action after a review was requested",
    source: { ...node, path: "test/client.test.ts", at: "action tests, getAction" },
    method: "GET",
    path: `/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions/Login/${key}`,
    response: {
      status: 200,
      body: {
        state: "REVIEW_REQUIRED",
        stateUpdatedAt: "2025-06-02T21:05:00.000Z",
        createdAt: "2025-06-02T21:03:40.512Z",
        verificationMethod: "SMS",
        rules: [{ ruleId: "7b8f5d6c-2f0e-4b1a-9e3d-1c2b3a4d5e6f", name: "Review", description: "Send to review" }],
      },
      source: { ...node, path: "src/types.ts", at: "GetActionResponse" },
    },
  }),
  serverCase("getAction", {
    name: "PHP: an encoded user ID, and the action's key and rule IDs in the answer",
    source: { ...php, path: "test/AuthsignalTest.php", at: "testGetAction" },
    method: "GET",
    path: "/users/123%3Atest/actions/signIn/5924a649-b5d3-4baf-a4ab-4b812dde97a04",
    response: {
      status: 200,
      body: {
        state: "ALLOW",
        idempotencyKey: "5924a649-b5d3-4baf-a4ab-4b812dde97a0",
        stateUpdatedAt: "2022-07-25T03:19:00.316Z",
        createdAt: "2022-07-25T03:19:00.316Z",
        ruleIds: [],
      },
      source: { ...php, path: "test/AuthsignalTest.php", at: "testGetAction: state, idempotencyKey, stateUpdatedAt" },
    },
  }),
  serverCase("updateAction", {
    name: "Go: block an action, and read the new state back",
    source: { ...go, path: "client/actions_test.go", at: "TestActions, UpdateAction" },
    method: "PATCH",
    path: `/users/user123/actions/go-sdk-test/${key}`,
    body: { state: "BLOCK" },
    response: {
      status: 200,
      body: { state: "BLOCK" },
      source: { ...go, path: "client/actions_test.go", at: "TestActions: updateActionResponse.State" },
    },
  }),
  serverCase("updateAction", {
    name: "Java: request a review",
    source: {
      ...java,
      path: "src/test/java/com/authsignal/AuthsignalClientTests.java",
      at: "testAction, updateAction",
    },
    method: "PATCH",
    path: `/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions/signIn/${key}`,
    body: { state: "REVIEW_REQUIRED" },
    response: { status: 200, body: { state: "REVIEW_REQUIRED" } },
  }),
  serverCase("updateAction", {
    name: "PHP: the answer names the user, action and key",
    source: { ...php, path: "test/AuthsignalTest.php", at: "testUpdateAction" },
    method: "PATCH",
    path: "/users/123%3Atest/actions/signIn/5924a649-b5d3-4baf-a4ab-4b812dde97a0",
    body: { state: "CHALLENGE_FAILED" },
    response: {
      status: 200,
      body: {
        userId: "123:test",
        action: "signIn",
        idempotencyKey: "5924a649-b5d3-4baf-a4ab-4b812dde97a0",
        state: "CHALLENGE_FAILED",
      },
      source: {
        ...php,
        path: "test/AuthsignalTest.php",
        at: "testUpdateAction: userId, action, idempotencyKey, state",
      },
    },
  }),
  serverCase("queryUserActions", {
    name: "Java: every action of a user, with the fields its test reads",
    source: { ...java, path: "src/test/java/com/authsignal/AuthsignalClientTests.java", at: "testQueryUserActions" },
    method: "GET",
    path: "/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions",
    response: {
      status: 200,
      body: [
        {
          actionCode: "signIn",
          idempotencyKey: key,
          createdAt: "2025-06-02T21:03:40.512Z",
          updatedAt: "2025-06-02T21:03:40.512Z",
          state: "CHALLENGE_REQUIRED",
          stateUpdatedAt: "2025-06-02T21:03:40.512Z",
        },
      ],
      source: { ...java, path: "src/main/java/com/authsignal/model/QueryUserActionsResponseItem.java", at: "fields" },
    },
  }),
  serverCase("queryUserActions", {
    name: "Java: filtered by one action code",
    source: {
      ...java,
      path: "src/test/java/com/authsignal/AuthsignalClientTests.java",
      at: "testQueryUserActions, filteredRequest",
    },
    method: "GET",
    path: "/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions",
    query: { codes: "signIn" },
  }),
  serverCase("queryUserActions", {
    name: "Java: filtered by state",
    source: {
      ...java,
      path: "src/test/java/com/authsignal/AuthsignalClientTests.java",
      at: "testQueryUserActions, stateRequest",
    },
    method: "GET",
    path: "/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions",
    query: { state: "CHALLENGE_REQUIRED" },
  }),
  serverCase("queryUserActions", {
    name: "Node: a start date, several codes and a state",
    source: { ...node, path: "src/authsignal.ts", at: "queryUserActions" },
    method: "GET",
    path: "/users/0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f/actions",
    query: { fromDate: "2025-06-01T00:00:00.000Z", codes: "signIn,withdrawFunds", state: "CHALLENGE_SUCCEEDED" },
    response: {
      status: 200,
      body: [
        {
          actionCode: "withdrawFunds",
          idempotencyKey: key,
          createdAt: "2025-06-02T21:03:40.512Z",
          state: "CHALLENGE_SUCCEEDED",
          verificationMethod: "PASSKEY",
          verifiedByAuthenticatorId: "3f2a9c1e-7b4d-4e8a-9c2f-5d6e7f8a9b0c",
        },
      ],
      source: { ...node, path: "src/types.ts", at: "QueryUserActionsResponse" },
    },
  }),
  serverCase("queryUserActions", {
    name: "PHP: codes as the caller's comma-separated string, and a start date",
    source: { ...php, path: "lib/Authsignal/Authsignal.php", at: "queryActions" },
    method: "GET",
    path: "/users/123%3Atest/actions",
    query: { codes: "signIn,signUp", fromDate: "2025-06-01T00:00:00Z" },
  }),
];
