// Get, update, delete and query users as each official SDK sends them, with what their tests read.
import type { operations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { dotnet, go, java, node, php, python, ruby } from "../sdks.ts";

const serverCase = caseBuilder<operations>();

const userId = "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f";

export default [
  serverCase("getUser", {
    name: "Node: an enrolled user with no email yet",
    source: { ...node, path: "test/client.test.ts", at: "user tests, getUser" },
    method: "GET",
    path: `/users/${userId}`,
    response: {
      status: 200,
      body: {
        isEnrolled: true,
        emailVerified: false,
        phoneNumberVerified: false,
        enrolledVerificationMethods: ["SMS"],
        allowedVerificationMethods: ["SMS", "EMAIL_OTP"],
      },
      source: { ...node, path: "src/types.ts", at: "GetUserResponse" },
    },
  }),
  serverCase("getUser", {
    name: "Go and Python: a user whose local phone number is read back as it was set",
    source: { ...go, path: "client/users_test.go", at: "TestUsers, GetUser" },
    method: "GET",
    path: "/users/a-new-user",
    response: {
      status: 200,
      body: {
        isEnrolled: false,
        phoneNumber: "9876543210",
        displayName: "A New User",
        defaultVerificationMethod: "SMS",
        custom: {},
      },
      source: { ...python, path: "authsignal/client_tests.py", at: "test_users: phone_number 9876543210" },
    },
  }),
  serverCase("getUser", {
    name: "Java: the answer carries the user ID",
    source: { ...java, path: "src/main/java/com/authsignal/model/GetUserResponse.java", at: "userId field" },
    method: "GET",
    path: `/users/${userId}`,
    response: {
      status: 200,
      body: { userId, isEnrolled: true, email: "test@example.com", custom: { foo: "bar" } },
    },
  }),
  serverCase("getUser", {
    name: "PHP: a user ID with a colon is percent-encoded",
    source: { ...php, path: "test/AuthsignalTest.php", at: "testGetUser" },
    method: "GET",
    path: "/users/123%3Atest",
    response: { status: 200, body: { isEnrolled: false } },
  }),
  serverCase("updateUser", {
    name: "Node: every attribute its live test sets",
    source: { ...node, path: "test/client.test.ts", at: "user tests, updateUser" },
    method: "PATCH",
    path: `/users/${userId}`,
    body: {
      email: "test@example.com",
      emailVerified: true,
      phoneNumber: "+6427123456",
      phoneNumberVerified: false,
      username: "test@example.com",
      displayName: "Test User",
      custom: { foo: "bar" },
    },
    response: {
      status: 200,
      body: {
        email: "test@example.com",
        emailVerified: true,
        phoneNumber: "+6427123456",
        phoneNumberVerified: false,
        username: "test@example.com",
        displayName: "Test User",
        custom: { foo: "bar" },
      },
      source: { ...node, path: "test/client.test.ts", at: "user tests: updateUserResponse fields" },
    },
  }),
  serverCase("updateUser", {
    name: "Go and Python: a local phone number and a display name",
    source: { ...go, path: "client/users_test.go", at: "TestUsers, UpdateUser" },
    method: "PATCH",
    path: "/users/a-new-user",
    body: { phoneNumber: "9876543210", displayName: "A New User" },
    response: {
      status: 200,
      body: { phoneNumber: "9876543210", displayName: "A New User" },
      source: { ...python, path: "authsignal/client_tests.py", at: "test_users: update_user_response" },
    },
  }),
  serverCase("updateUser", {
    name: ".NET: custom data with a string, a boolean and a number",
    source: { ...dotnet, path: "tests/ClientTests.cs", at: "TestUser, UpdateUser" },
    method: "PATCH",
    path: `/users/${userId}`,
    body: {
      email: "test@example.com",
      phoneNumber: "+6427123456",
      username: "test@example.com",
      displayName: "Test User",
      custom: { foo: "bar", baz: true, qux: 123 },
    },
  }),
  serverCase("updateUser", {
    name: "PHP: one attribute, with the user ID echoed back",
    // The test's placeholder "updated_email" is replaced by an address: it only reaches a mock.
    source: { ...php, path: "test/AuthsignalTest.php", at: "testUpdateUser" },
    method: "PATCH",
    path: "/users/550e8400-e29b-41d4-a716-446655440000",
    body: { email: "updated@example.com" },
    response: {
      status: 200,
      body: { userId: "550e8400-e29b-41d4-a716-446655440000", email: "updated@example.com" },
      source: { ...php, path: "test/AuthsignalTest.php", at: "testUpdateUser: userId, email" },
    },
  }),
  serverCase("updateUserWithPost", {
    name: "Ruby: update_user posts the camel-cased attributes",
    source: { ...ruby, path: "lib/authsignal/client.rb", at: "update_user: make_request(:post, users/...)" },
    method: "POST",
    path: `/users/${userId}`,
    body: {
      email: "test@example.com",
      phoneNumber: "+6427123456",
      username: "test@example.com",
      displayName: "Test User",
      custom: { foo: "bar" },
    },
    response: {
      status: 200,
      body: {
        email: "test@example.com",
        phoneNumber: "+6427123456",
        username: "test@example.com",
        displayName: "Test User",
        custom: { foo: "bar" },
      },
      source: { ...ruby, path: "spec/authsignal/authsignal_spec.rb", at: "user tests: update_response fields" },
    },
  }),
  serverCase("updateUserWithPost", {
    name: "Java: updateUser posts the attributes, and reads the default method back",
    source: { ...java, path: "src/main/java/com/authsignal/AuthsignalClient.java", at: "updateUser: postRequest" },
    method: "POST",
    path: `/users/${userId}`,
    body: {
      email: "test@example.com",
      phoneNumber: "+6427123456",
      username: "Test User",
      displayName: "test@example.com",
      custom: { foo: "bar", baz: 1 },
    },
    response: {
      status: 200,
      body: {
        email: "test@example.com",
        phoneNumber: "+6427123456",
        username: "Test User",
        displayName: "test@example.com",
        custom: { foo: "bar", baz: 1 },
        defaultVerificationMethod: "SMS",
      },
      source: { ...java, path: "src/main/java/com/authsignal/model/UserAttributes.java", at: "fields" },
    },
  }),
  serverCase("deleteUser", {
    name: "Every SDK: delete a user; the answer is a JSON object",
    source: {
      ...ruby,
      path: "lib/authsignal.rb",
      at: "handle_success_response merges the body, in the live user tests",
    },
    method: "DELETE",
    path: `/users/${userId}`,
    response: {
      status: 200,
      body: { success: true },
      source: { ...php, path: "test/AuthsignalTest.php", at: "testDeleteUser: success" },
    },
  }),
  serverCase("queryUsers", {
    name: "Node, Python, Java: users by email",
    source: { ...python, path: "authsignal/client_tests.py", at: "test_query_users" },
    method: "GET",
    path: "/users",
    query: { email: "query-test@authsignal.com" },
    response: {
      status: 200,
      body: {
        users: [
          {
            userId: "query-test-user",
            email: "query-test@authsignal.com",
            emailVerified: false,
            phoneNumberVerified: false,
          },
        ],
      },
      source: { ...node, path: "src/types.ts", at: "QueryUsersResponse" },
    },
  }),
  serverCase("queryUsers", {
    name: "Java: one user per page",
    source: {
      ...java,
      path: "src/test/java/com/authsignal/AuthsignalClientTests.java",
      at: "testQueryUsers, limitRequest",
    },
    method: "GET",
    path: "/users",
    query: { email: "test-2b7c4f1e@example.com", limit: "1" },
  }),
  serverCase("queryUsers", {
    name: "Go: every query parameter",
    source: { ...go, path: "client/users_test.go", at: "TestQueryUsersBuildsCorrectURLWithAllParams" },
    method: "GET",
    path: "/users",
    query: {
      email: "test@example.com",
      lastEvaluatedUserId: "prev-user",
      limit: "10",
      phoneNumber: "+1234567890",
      token: "some-token",
      username: "testuser",
    },
    response: {
      status: 200,
      body: {
        users: [{ userId: "user-2", email: "user2@example.com", emailVerified: false, phoneNumberVerified: false }],
        lastEvaluatedUserId: "user-2",
        tokenPayload: { sub: "user-2" },
      },
      source: { ...go, path: "client/users_test.go", at: "TestQueryUsersReturnsCorrectResponse" },
    },
  }),
  serverCase("queryUsers", {
    name: "Go and Python: no filter sends no query string",
    source: { ...go, path: "client/users_test.go", at: "TestQueryUsersNoParamsNoQueryString" },
    method: "GET",
    path: "/users",
    response: { status: 200, body: { users: [] } },
  }),
  serverCase("queryUsers", {
    name: "PHP: a domain as the email filter, and users without phone numbers or usernames",
    source: { ...php, path: "test/AuthsignalTest.php", at: "testQueryUsersMultipleResults" },
    method: "GET",
    path: "/users",
    query: { email: "example.com", limit: "3" },
    response: {
      status: 200,
      body: {
        users: [
          {
            userId: "user-1",
            email: "user1@example.com",
            emailVerified: true,
            phoneNumber: null,
            phoneNumberVerified: false,
            username: null,
          },
          {
            userId: "user-2",
            email: "user2@example.com",
            emailVerified: false,
            phoneNumber: "+9876543210",
            phoneNumberVerified: true,
            username: "user2",
          },
        ],
        lastEvaluatedUserId: "user-3",
      },
      source: { ...php, path: "test/AuthsignalTest.php", at: "testQueryUsersMultipleResults, mockedResponse" },
    },
  }),
];
