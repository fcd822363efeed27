import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GuardDialog } from '@/components/guard/GuardDialog';
import type { Finding } from '@/rules/types';

const findings: Finding[] = [
  {
    ruleId: 'care-detail',
    category: 'care-details',
    severity: 'block',
    start: 18,
    end: 23,
    actual: 'crown',
    message: 'Names a treatment the reviewer had.',
    suggestion: 'We are sorry to hear about your experience.',
  },
];

function setup(requireTrusted = false) {
  const props = { onEdit: vi.fn(), onTemplate: vi.fn(), onConfirm: vi.fn() };
  render(<GuardDialog verdict="block" findings={findings} requireTrusted={requireTrusted} {...props} />);
  return props;
}

describe('GuardDialog', () => {
  it('is a labelled, modal alertdialog listing each finding with its safer wording', () => {
    setup();
    const dialog = screen.getByRole('alertdialog', { name: 'This reply reveals patient information' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Names a treatment the reviewer had.');
    expect(dialog.textContent).toContain('Safer: We are sorry to hear about your experience.');
    for (const name of ['Edit reply', 'Use a safe template', 'Post anyway']) screen.getByRole('button', { name });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit reply' }));
  });

  it('Edit reply and Escape both go back to editing; the template button asks for one', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Edit reply' }));
    await userEvent.keyboard('{Escape}');
    expect(props.onEdit).toHaveBeenCalledTimes(2);
    await userEvent.click(screen.getByRole('button', { name: 'Use a safe template' }));
    expect(props.onTemplate).toHaveBeenCalledTimes(1);
  });

  it('Post anyway asks for a Reason and posts only with one', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    expect(document.activeElement).toBe(reason);
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and post' }));
    expect(props.onConfirm).not.toHaveBeenCalled();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(reason, '  Patient consented in writing ');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and post' }));
    expect(props.onConfirm).toHaveBeenCalledWith('Patient consented in writing');
  });

  it('takes a preset kind of reason, alone or with the person’s words, so the report can group overrides', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    const kind = screen.getByRole('combobox', { name: 'Kind of reason' }) as HTMLSelectElement;
    await userEvent.selectOptions(kind, 'authorized');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and post' }));
    expect(props.onConfirm).toHaveBeenLastCalledWith('Written authorization on file');
    await userEvent.type(screen.getByRole('textbox', { name: 'Reason' }), 'signed 3/2');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and post' }));
    expect(props.onConfirm).toHaveBeenLastCalledWith('Written authorization on file: signed 3/2');
  });

  it('needs the person’s words when the kind is "Other"', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind of reason' }), 'other');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and post' }));
    expect(props.onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('Please write a reason before posting.')).toBeTruthy();
  });

  it('keeps Tab inside the dialog', async () => {
    setup();
    const first = screen.getByRole('button', { name: 'Edit reply' });
    const last = screen.getByRole('button', { name: 'Post anyway' });
    last.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(first);
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(last);
  });

  it('ignores synthetic clicks when real input is required (page scripts cannot click through)', () => {
    const props = setup(true);
    fireEvent.click(screen.getByRole('button', { name: 'Edit reply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use a safe template' }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(props.onEdit).not.toHaveBeenCalled();
    expect(props.onTemplate).not.toHaveBeenCalled();
  });
});

describe('GuardDialog: who is replying (issue #11 item 6)', () => {
  it('offers the practice staff, optional, by keyboard; the pick goes with the confirmation', async () => {
    const props = { onEdit: vi.fn(), onTemplate: vi.fn(), onConfirm: vi.fn(), onStaffChange: vi.fn() };
    render(
      <GuardDialog
        verdict="block"
        findings={findings}
        requireTrusted={false}
        staff={['Dana Ortiz', 'Rosa Delgado']}
        {...props}
      />,
    );
    const who = screen.getByRole('combobox', { name: 'Who is replying' }) as HTMLSelectElement;
    expect(who.value).toBe('');
    who.focus();
    await userEvent.selectOptions(who, 'Rosa Delgado');
    expect(props.onStaffChange).toHaveBeenCalledWith('Rosa Delgado');
    await userEvent.click(screen.getByRole('button', { name: 'Post anyway' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Reason' }), 'Consent on file');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm and post' }));
    expect(props.onConfirm).toHaveBeenCalledWith('Consent on file', 'Rosa Delgado');
  });

  it('preselects the remembered pick, and shows no choice without a staff list', () => {
    const { unmount } = render(
      <GuardDialog
        verdict="warn"
        findings={findings}
        requireTrusted={false}
        staff={['Dana Ortiz']}
        staffChoice="Dana Ortiz"
        onEdit={vi.fn()}
        onTemplate={vi.fn()}
        onConfirm={vi.fn()}
      />,
    );
    expect((screen.getByRole('combobox', { name: 'Who is replying' }) as HTMLSelectElement).value).toBe('Dana Ortiz');
    unmount();
    render(
      <GuardDialog
        verdict="unchecked"
        findings={[]}
        requireTrusted={false}
        onEdit={vi.fn()}
        onTemplate={vi.fn()}
        onConfirm={vi.fn()}
      />,
    );
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByRole('alertdialog', { name: 'This reply could not be checked' })).toBeTruthy();
  });
});
