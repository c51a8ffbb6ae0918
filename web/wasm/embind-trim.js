// An Emscripten JS library (--js-library, web/CMakeLists.txt) that replaces parts of Embind's
// runtime our bindings never use, so the glue leaves out their code (~1.4 KB gzip). Written
// against Emscripten 3.1.6's src/embind/*.js; if a binding ever needs one of these, delete its
// line here (an unregistered type fails loudly: "UnboundTypeError", never silently).
mergeInto(LibraryManager.library, {
  // Embind registers std::wstring, std::u16string and std::u32string at startup, whatever the
  // bindings use; ours take and return only std::string, so the UTF-16/32 converters go.
  _embind_register_std_wstring: function(rawType, charSize, name) {},
  // Likewise typed_memory_view: no binding returns one.
  _embind_register_memory_view: function(rawType, dataTypeIndex, name) {},
  // Debugging helpers Embind puts on the Module object (getInheritedInstanceCount,
  // flushPendingDeletes, count_emval_handles, ...): nothing calls them.
  $init_embind__deps: [],
  $init_embind: function() {},
  $init_emval__deps: [],
  $init_emval: function() {},
  // salary-core.mjs only ever deletes a Calculator; Embind itself calls clone(). No isAliasOf,
  // isDeleted or deleteLater.
  $init_ClassHandle__deps: ['$ClassHandle_clone', '$ClassHandle_delete'],
  $init_ClassHandle: function() {
    ClassHandle.prototype['clone'] = ClassHandle_clone;
    ClassHandle.prototype['delete'] = ClassHandle_delete;
  },
  // The one bound class has no base class and is never held by a smart pointer: no finalizers
  // (Embind attaches them to smart pointers only) and no conversion through a class hierarchy.
  $attachFinalizer__deps: [],
  $attachFinalizer: function(handle) { return handle; },
  $genericPointerToWireType: function() { throw new Error('embind-trim.js: no smart pointers or base classes'); },
  // Every bound type is registered at startup; should one ever be missing, the error need not
  // name it (that takes ___getTypeName and its callers).
  $throwUnboundTypeError__deps: ['$UnboundTypeError'],
  $throwUnboundTypeError: function(message, types) { throw new UnboundTypeError(message); },
  // No two bindings share a name, so no overload tables.
  $ensureOverloadTable: function() { throw new Error('embind-trim.js: no overloaded bindings'); },
  // No binding takes or returns a 64-bit integer (a 'j' in its signature, which would need a
  // legalizing dynCall_ wrapper): every function pointer is called straight from the table.
  $embind__requireFunction__deps: ['$getWasmTableEntry'],
  $embind__requireFunction: function(signature, rawFunction) { return getWasmTableEntry(rawFunction); },
});
