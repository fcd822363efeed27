import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GuardOverlay } from '@/components/guard/GuardOverlay';

const noop = () => {};

describe('GuardOverlay', () => {
  it('shows the log refusal as an alert until dismissed', async () => {
    const onDismiss = vi.fn();
    const { rerender } = render(
      <GuardOverlay
        chips={[]}
        dialog={null}
        logError="Storage is full: Reply Guard could not save this reply to the compliance log."
        onDismissLogError={onDismiss}
        onEdit={noop}
        onTemplate={noop}
        onConfirm={noop}
      />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/Storage is full/);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
    rerender(
      <GuardOverlay chips={[]} dialog={null} logError={null} onEdit={noop} onTemplate={noop} onConfirm={noop} />,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
