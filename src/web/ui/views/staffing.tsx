export function StaffingView() {
  return <p>todo</p>;
}
