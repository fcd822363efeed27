/**
 * The heavy half of the guard, loaded only when a reply box first gets focus (dynamic import):
 * the rules engine and the template library (which itself checks templates with the rules).
 */

export { suggestTemplate } from '@/lib/templates';
export { analyze } from '@/rules';
