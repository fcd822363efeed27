/**
 * The approved reply wording staff build on: the seed article's three templates verbatim
 * (shared/seed lines 81, 105-107) and the same in Spanish, as a bilingual office would render
 * them (usted and tú). The learned model reads a reply without the runs of words it shares with
 * these (rules/model/features.ts, approvedCoverage): a risky clause added to a template is then
 * judged on its own instead of drowned by the safest sentences there are. Placeholders are
 * written as the words staff replace them with; they never match a real phone or address.
 */
export const APPROVED_WORDING: readonly string[] = [
  // Positive reviews (seed line 105).
  "Thank you for sharing your experience! We're delighted to hear about your positive outcome. Our team works hard to provide excellent care, and feedback like yours makes our day.",
  // Negative reviews (seed line 106).
  'Thank you for your feedback. We take all patient concerns seriously. Please contact our office at phone or email so we can address your concerns directly and work toward a resolution.',
  // Social media comments (seed line 81).
  "Thank you for your feedback! We're glad you had a positive experience. Please reach out to our office directly if you have any questions.",
  // The same in Spanish, formal.
  '¡Gracias por compartir su experiencia! Nos alegra mucho saber de su resultado positivo. Nuestro equipo trabaja duro para brindar una atención excelente, y comentarios como el suyo nos alegran el día.',
  'Gracias por sus comentarios. Tomamos muy en serio todas las inquietudes de nuestros pacientes. Por favor comuníquese con nuestra oficina al teléfono o correo para atender sus inquietudes directamente y encontrar una solución.',
  '¡Gracias por sus comentarios! Nos alegra que haya tenido una experiencia positiva. Por favor comuníquese directamente con nuestra oficina si tiene alguna pregunta.',
  // And informal (tú).
  '¡Gracias por compartir tu experiencia! Nos alegra saber de tu resultado positivo. Nuestro equipo trabaja duro para dar una atención excelente, y comentarios como el tuyo nos alegran el día.',
  'Gracias por tus comentarios. Tomamos en serio todas las inquietudes. Por favor comunícate con nuestra oficina para atender tus inquietudes directamente y encontrar una solución.',
  '¡Gracias por tu comentario! Nos alegra que hayas tenido una experiencia positiva. Comunícate directamente con nuestra oficina si tienes alguna pregunta.',
];
