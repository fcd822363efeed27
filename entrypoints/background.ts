import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // The log and message handling arrive with issue #6; the worker must exist for the smoke test.
});
