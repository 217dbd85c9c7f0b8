import { createApp } from "./app.js";

/** The Probot app `npm start` runs (`probot run ./dist/index.js`). */
export default createApp({ botLogin: process.env.APP_BOT_LOGIN || undefined });
