// Wagtail's StreamBlock whose add buttons carry the label given by the block (meta.addButtonLabel).
(() => {
  const { StreamBlock, StreamBlockDefinition } = window.wagtailStreamField.blocks;

  class LabelledStreamBlock extends StreamBlock {
    _createInsertionControl(placeholder, options) {
      const control = super._createInsertionControl(placeholder, options);
      const button = control.element.querySelector('.c-sf-add-button');
      if (button) {
        button.title = this.blockDef.meta.addButtonLabel;
      }
      return control;
    }
  }

  class LabelledStreamBlockDefinition extends StreamBlockDefinition {
    render(placeholder, prefix, initialState, initialError) {
      return new LabelledStreamBlock(this, placeholder, prefix, initialState, initialError);
    }
  }

  window.telepath.register('methods.blocks.StepsBlock', LabelledStreamBlockDefinition);
})();
