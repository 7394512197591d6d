import { Dropdown, Field, Option } from "@fluentui/react-components";

/** A Fluent UI Dropdown choosing one family (the Executive step's FamilySOP, the Measure step's waterfall). */
export function FamilyPicker({
  label,
  families,
  family,
  onChange,
}: {
  label: string;
  families: string[];
  family: string;
  onChange(family: string): void;
}) {
  return (
    <Field label={label}>
      <Dropdown
        value={family}
        selectedOptions={[family]}
        onOptionSelect={(_, data) => data.optionValue !== undefined && onChange(data.optionValue)}
      >
        {families.map((name) => (
          <Option key={name} value={name}>
            {name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
