-- One track per request, each for its own user from its own IP address, so every request creates
-- a user and an action, as a burst of sign-ins does. wrk runs this in each of its threads; the
-- thread's number keeps the users of two threads apart.
local counter = 0
local thread_id = 0
local next_thread = 0

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  wrk.headers["authorization"] = args[1]
  wrk.headers["content-type"] = "application/json"
end

function request()
  counter = counter + 1
  local n = thread_id * 100000000 + counter
  local body = string.format(
    '{"ipAddress":"10.%d.%d.%d","userAgent":"Mozilla/5.0 (bench)","deviceId":"dev_%d","custom":{"amount":10}}',
    n % 250, math.floor(n / 250) % 250, math.floor(n / 62500) % 250, n)
  return wrk.format("POST", "/v1/users/usr_" .. n .. "/actions/signIn", nil, body)
end
