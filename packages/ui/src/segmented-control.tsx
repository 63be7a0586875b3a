// A segmented choice (a radio group drawn as joined buttons), e.g. the permission mode Safe / Dev / Ask.
import { useId } from 'react';

export interface SegmentedOption<Value extends string> {
  readonly value: Value;
  readonly label: string;
  readonly hint?: string;
}

export interface SegmentedControlProps<Value extends string> {
  readonly label: string;
  readonly value: Value;
  readonly options: ReadonlyArray<SegmentedOption<Value>>;
  readonly onChange: (value: Value) => void;
}

export function SegmentedControl<Value extends string>({ label, value, options, onChange }: SegmentedControlProps<Value>) {
  const name = useId();
  return (
    <fieldset className="ag-segmented">
      <legend className="ag-field__label">{label}</legend>
      <div className="ag-segmented__options">
        {options.map((option) => (
          <label key={option.value} className="ag-segmented__option" title={option.hint}>
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
