import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StatusChip } from '@/components/guard/StatusChip';
import type { Finding } from '@/rules/types';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'care-detail',
  category: 'care-details',
  severity: 'block',
  start: 0,
  end: 5,
  actual: 'crown',
  message: 'Names a treatment.',
  ...over,
});

describe('StatusChip', () => {
  it('says ok without a count', () => {
    render(<StatusChip verdict="ok" findings={[]} />);
    const chip = screen.getByRole('button', { name: 'OK. Reply Guard: No patient information found' });
    expect(chip.textContent).toBe('OK');
  });

  it('shows the count and opens a list of findings with safer wording, by keyboard', async () => {
    render(
      <StatusChip
        verdict="block"
        findings={[
          finding({ suggestion: 'We are sorry to hear that.' }),
          finding({
            ruleId: 'name',
            severity: 'warn',
            actual: 'Maria',
            message: 'Names the reviewer.',
            start: 8,
            end: 13,
          }),
        ]}
      />,
    );
    const chip = screen.getByRole('button', { name: '2 findings. Reply Guard: Contains patient information' });
    expect(chip.textContent).toBe('2');
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    chip.focus();
    await userEvent.keyboard('{Enter}');
    const list = screen.getByRole('region', { name: 'Reply Guard findings' });
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    expect(list.textContent).toContain('Names a treatment.');
    expect(list.textContent).toContain('Safer: We are sorry to hear that.');
    expect(list.textContent).toContain('Names the reviewer.');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Reply Guard findings' })).toBeNull();
    expect(document.activeElement).toBe(chip);
  });
});
