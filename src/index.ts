import { createApp } from "./app.js";
import { catchUpIntervalMinutes } from "./catch-up/catch-up-interval.js";

/** The Probot app `npm start` runs (`probot run ./dist/index.js`). */
export default createApp({
  botLogin: process.env.APP_BOT_LOGIN || undefined,
  catchUpIntervalMinutes: catchUpIntervalMinutes(process.env.CATCH_UP_INTERVAL_MINUTES),
});
