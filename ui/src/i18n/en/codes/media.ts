// English: the texts of the `media.*` problem codes (api/openapi.yaml), by the part after
// "media."; {{name}} is a value of the problem's `params`.

export const media = {
  empty: 'The file is empty.',
  too_large: 'The file is too large. It can be at most 10 MB.',
  type_not_allowed: 'This kind of file cannot be uploaded. Use PDF, JPEG, PNG or WebP.',
  too_many: 'There are already {{max}} files of this kind. Remove one first.',
  image_unreadable: 'The picture cannot be read. Try saving it again as JPEG or PNG.',
  image_too_large: 'The picture has too many pixels. Make it smaller and try again.',
  file_not_found: 'We cannot find this file. It may have been removed.',
  name_invalid: 'The file name must have 1 to {{max}} characters, without slashes.',
  role_invalid: 'Unknown kind of file for the offer.',
};
