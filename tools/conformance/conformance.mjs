// Runs the vendors' own, unmodified npm clients against the StarSend emulator: one line per check, exit 1 on any failure.
// Needs STARSEND_FAL_QUEUE_URL, STARSEND_FAL_REST_URL, STARSEND_GEMINI_URL and STARSEND_LEONARDO_URL (as printed by
// `starsend emulator serve`).
import { ApiError, ValidationError, createFalClient } from "@fal-ai/client";
import { GoogleGenAI, Modality } from "@google/genai";
import { Leonardo } from "@leonardo-ai/sdk";

const MODEL = "fal-ai/kling-video/o3/pro/reference-to-video";
const IMAGE_MODEL = "gemini-3.1-flash-image-preview";

const queueUrl = required("STARSEND_FAL_QUEUE_URL");
const restUrl = required("STARSEND_FAL_REST_URL");
const geminiUrl = required("STARSEND_GEMINI_URL");
const leonardoUrl = required("STARSEND_LEONARDO_URL");

// fal-js builds https://queue.fal.run/... and https://rest.fal.ai/... itself; its requestMiddleware is the documented
// hook to send those requests elsewhere (the same hook its proxy support uses).
const fal = createFalClient({
  credentials: "conformance-key-id:conformance-key-secret",
  requestMiddleware: async (request) => ({
    ...request,
    url: request.url
      .replace(/^https:\/\/queue\.fal\.run/, queueUrl)
      .replace(/^https:\/\/rest\.fal\.ai/, restUrl),
  }),
});
// Leonardo's SDK takes its server URL as an option (its ServerList default is https://cloud.leonardo.ai/api/rest/v1).
const leonardo = new Leonardo({ bearerAuth: "conformance-leonardo-key", serverURL: `${leonardoUrl}/v1` });
const ai = new GoogleGenAI({ apiKey: "conformance-gemini-key", httpOptions: { baseUrl: geminiUrl } });

const results = [];
const shared = {};

// Counts below assume a fresh emulator; reset in case this one has served other clients.
await fetch(`${queueUrl}/_emulator/reset`, { method: "POST" });

await check("genai models.generateContent returns a 16:9 PNG grid as inlineData", async () => {
  const response = await ai.models.generateContent({
    model: IMAGE_MODEL,
    contents: "A 2x2 grid of four cinematic keyframes of a singer on a neon harbour, thin white gutters",
    config: { responseModalities: [Modality.TEXT, Modality.IMAGE], imageConfig: { aspectRatio: "16:9" } },
  });
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  const image = parts.find((p) => p.inlineData);
  assert(image, "no inlineData part");
  assert(image.inlineData.mimeType === "image/png", `mimeType ${image.inlineData.mimeType}`);
  const png = Buffer.from(image.inlineData.data, "base64");
  const { width, height } = pngSize(png);
  assert(width === 1344 && height === 768, `size ${width}x${height}`);
  assert(parts.some((p) => typeof p.text === "string"), "no text part");
  assert(response.candidates[0].finishReason === "STOP", `finishReason ${response.candidates[0].finishReason}`);
  const imageTokens = response.usageMetadata?.candidatesTokensDetails?.find((d) => d.modality === "IMAGE")?.tokenCount;
  assert(imageTokens === 1290, `image tokens ${imageTokens}`);
  shared.png = png;
});

await check("genai same prompt gives the same image bytes", async () => {
  const again = await ai.models.generateContent({
    model: IMAGE_MODEL,
    contents: "A 2x2 grid of four cinematic keyframes of a singer on a neon harbour, thin white gutters",
    config: { responseModalities: [Modality.TEXT, Modality.IMAGE], imageConfig: { aspectRatio: "16:9" } },
  });
  const data = again.candidates[0].content.parts.find((p) => p.inlineData).inlineData.data;
  assert(Buffer.from(data, "base64").equals(shared.png), "bytes differ");
});

await check("genai retired model is a 404 NOT_FOUND error", async () => {
  const error = await rejects(ai.models.generateContent({ model: "gemini-2.5-flash-image", contents: "x" }));
  assert(error.status === 404, `status ${error.status}`);
  assert(/NOT_FOUND/.test(error.message) && /retired/.test(error.message), error.message);
});

await check("fal storage.upload returns a file URL serving the same bytes", async () => {
  const url = await fal.storage.upload(new Blob([shared.png], { type: "image/png" }));
  assert(url.startsWith(restUrl + "/files/"), `url ${url}`);
  const served = Buffer.from(await (await fetch(url)).arrayBuffer());
  assert(served.equals(shared.png), "served bytes differ");
  shared.startImageUrl = url;
});

const input = () => ({
  start_image_url: shared.startImageUrl,
  multi_prompt: [
    { prompt: "Wide shot, fog over the harbour", duration: "3" },
    { prompt: "Close on the singer", duration: "4" },
  ],
  duration: "7",
  aspect_ratio: "16:9",
});

await check("fal queue.submit answers IN_QUEUE with owner/alias URLs", async () => {
  const submitted = await fal.queue.submit(MODEL, { input: input() });
  assert(submitted.status === "IN_QUEUE", `status ${submitted.status}`);
  assert(typeof submitted.request_id === "string" && submitted.request_id.length > 0, "no request_id");
  assert(submitted.status_url === `${queueUrl}/fal-ai/kling-video/requests/${submitted.request_id}/status`, submitted.status_url);
  shared.requestId = submitted.request_id;
});

await check("fal queue.status reports a known status with logs", async () => {
  const status = await fal.queue.status(MODEL, { requestId: shared.requestId, logs: true });
  assert(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"].includes(status.status), `status ${status.status}`);
  assert(status.request_id === shared.requestId, "request_id differs");
});

await check("fal queue.result returns the video after COMPLETED", async () => {
  const done = await fal.queue.subscribeToStatus(MODEL, { requestId: shared.requestId, pollInterval: 100, logs: true });
  assert(done.status === "COMPLETED", `status ${done.status}`);
  const result = await fal.queue.result(MODEL, { requestId: shared.requestId });
  assert(result.requestId === shared.requestId, `requestId ${result.requestId}`);
  await checkVideo(result.data.video);
});

await check("fal subscribe submits, polls and returns the result", async () => {
  const updates = [];
  let enqueued;
  const result = await fal.subscribe(MODEL, {
    input: input(),
    logs: true,
    pollInterval: 100,
    onEnqueue: (id) => { enqueued = id; },
    onQueueUpdate: (update) => updates.push(update.status),
  });
  assert(enqueued && result.requestId === enqueued, "onEnqueue id differs from result id");
  assert(updates.at(-1) === "COMPLETED", `last update ${updates.at(-1)}`);
  await checkVideo(result.data.video);
});

await check("fal subscribe in streaming mode ends at COMPLETED", async () => {
  const result = await fal.subscribe(MODEL, { input: input(), mode: "streaming" });
  await checkVideo(result.data.video);
});

await check("fal queue.cancel cancels a queued job, which completes with an error", async () => {
  const submitted = await fal.queue.submit(MODEL, { input: input() });
  await fal.queue.cancel(MODEL, { requestId: submitted.request_id });
  const status = await fal.queue.status(MODEL, { requestId: submitted.request_id });
  assert(status.status === "COMPLETED", `status ${status.status}`);
  assert(status.error_type === "client_cancelled", `error_type ${status.error_type}`);
});

await check("fal queue.cancel of a completed job is a 400 ApiError", async () => {
  const error = await rejects(fal.queue.cancel(MODEL, { requestId: shared.requestId }));
  assert(error instanceof ApiError && error.status === 400, `error ${error}`);
  assert(error.body?.status === "ALREADY_COMPLETED", JSON.stringify(error.body));
});

await check("fal queue.submit with a number duration is a 422 ValidationError", async () => {
  const bad = { multi_prompt: [{ prompt: "x", duration: 3 }] };
  const error = await rejects(fal.queue.submit(MODEL, { input: bad }));
  assert(error instanceof ValidationError && error.status === 422, `error ${error}`);
  const field = error.getFieldErrors("duration")[0];
  assert(field && JSON.stringify(field.loc) === '["body","multi_prompt",0,"duration"]', JSON.stringify(error.fieldErrors));
});

await check("leonardo initImages.uploadInitImage answers presigned fields, and the form POST (fields, then file) is 204", async () => {
  const res = await leonardo.initImages.uploadInitImage({ extension: "png" });
  const upload = res.object?.uploadInitImage;
  assert(upload?.id && upload.url && typeof upload.fields === "string", `uploadInitImage ${JSON.stringify(upload)}`);
  const form = new FormData();
  for (const [key, value] of Object.entries(JSON.parse(upload.fields))) {
    form.append(key, value);
  }
  form.append("file", new Blob([shared.png], { type: "image/png" }), "start.png");
  const posted = await fetch(upload.url, { method: "POST", body: form });
  assert(posted.status === 204, `presigned POST answered ${posted.status}: ${await posted.text()}`);
  shared.initImageId = upload.id;
});

await check("leonardo motion.createImageToVideoGeneration returns a generation id and its cost", async () => {
  const res = await leonardo.motion.createImageToVideoGeneration({
    imageId: shared.initImageId,
    imageType: "UPLOADED",
    prompt: "slow push-in on the pier at dawn",
    model: "MOTION2",
  });
  const job = res.object?.motionVideoGenerationJob;
  assert(job?.generationId, `motionVideoGenerationJob ${JSON.stringify(job)}`);
  assert(job.cost?.unit === "DOLLARS" && Number(job.cost.amount) > 0, `cost ${JSON.stringify(job.cost)}`);
  shared.generationId = job.generationId;
});

await check("leonardo image.getGenerationById goes PENDING to COMPLETE with a downloadable motionMP4URL", async () => {
  const seen = new Set();
  let generation;
  for (let i = 0; i < 200; i++) {
    generation = (await leonardo.image.getGenerationById(shared.generationId)).object?.generationsByPk;
    seen.add(generation?.status);
    if (generation?.status === "COMPLETE" || generation?.status === "FAILED") {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert(seen.has("PENDING") && generation?.status === "COMPLETE", `statuses ${[...seen].join(", ")}`);
  const url = generation.generatedImages?.[0]?.motionMp4URL;
  assert(url, `generated_images ${JSON.stringify(generation.generatedImages)}`);
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  assert(bytes.subarray(4, 8).toString("ascii") === "ftyp", "not an MP4");
});

await check("leonardo create with an image id nobody uploaded is a 400 error", async () => {
  const error = await rejects(leonardo.motion.createImageToVideoGeneration({ imageId: "never-uploaded", imageType: "UPLOADED", prompt: "x", model: "MOTION2" }));
  assert(error?.statusCode === 400, `${error?.name} ${error?.statusCode} ${error?.message}`);
});

await check("emulator counted one accepted job per successful submit", async () => {
  const stats = await (await fetch(`${queueUrl}/_emulator/stats`)).json();
  assert(stats.submits_accepted === 4, `submits_accepted ${stats.submits_accepted}`);
  assert(stats.by_model[MODEL] === 5, `by_model ${JSON.stringify(stats.by_model)}`);
  assert(stats.images_generated === 2, `images_generated ${stats.images_generated}`);
  assert(stats.leonardo_generations_accepted === 1, `leonardo_generations_accepted ${stats.leonardo_generations_accepted}`);
});

const failed = results.filter((r) => !r).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

async function check(name, body) {
  try {
    await body();
    console.log(`PASS ${name}`);
    results.push(true);
  } catch (error) {
    console.log(`FAIL ${name}: ${error?.message ?? error}`);
    results.push(false);
  }
}

async function checkVideo(video) {
  assert(video?.content_type === "video/mp4", `content_type ${video?.content_type}`);
  const bytes = Buffer.from(await (await fetch(video.url)).arrayBuffer());
  assert(bytes.length === video.file_size, `downloaded ${bytes.length} bytes, file_size ${video.file_size}`);
  assert(bytes.subarray(4, 8).toString("ascii") === "ftyp", "not an MP4");
}

async function rejects(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, got a result");
}

function pngSize(png) {
  assert(png.subarray(1, 4).toString("ascii") === "PNG", "not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.log(`FAIL environment: ${name} is not set`);
    process.exit(2);
  }
  return value.replace(/\/$/, "");
}
