import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_MATCHES } from '@/lib/sites/matches';

export default defineContentScript({
  matches: [...SITE_MATCHES],
  allFrames: true,
  runAt: 'document_start',
  main() {
    // A marker on the root (never on an editor) lets tests and admins see the guard is present.
    document.documentElement.setAttribute('data-reply-guard', 'loaded');
  },
});
