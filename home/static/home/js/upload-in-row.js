// Wagtail's autosave posts the whole form after each change: the files picked in a row's upload
// input (home.panels.UploadInRowInput) go with the editor's own save only, so that one file
// makes one document.
document.addEventListener('w-autosave:save', (event) => {
  const formData = event.detail && event.detail.formData;
  if (!formData) {
    return;
  }
  document.querySelectorAll('input[type=file][data-upload-in-row]').forEach((input) => {
    formData.delete(input.name);
  });
});
