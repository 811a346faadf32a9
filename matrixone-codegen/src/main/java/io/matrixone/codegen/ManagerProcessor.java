package io.matrixone.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Generates the MatrixOne SDK's managers from the dialect's one description ({@code @Managed} on a statement-family
 * class, {@code @Managed.Op} on the operations it offers): for each family the sync, transaction and async manager
 * interfaces with their one-line implementations, and for all families together the accessor interfaces and the
 * abstract bases the clients and transactions extend. Adding an operation to the dialect adds it to every view;
 * nothing is written by hand per view.
 *
 * <p>Generated code lives in {@code io.matrixone.core.manager}. The javadoc of each operation is the dialect
 * method's, with links turned into code spans (they would not resolve from the generated package).
 */
@SupportedAnnotationTypes(ManagerProcessor.MANAGED)
public final class ManagerProcessor extends AbstractProcessor {
    static final String MANAGED = "io.matrixone.core.dialect.Managed";
    private static final String OP = "io.matrixone.core.dialect.Managed.Op";
    private static final String NULLABLE = "io.matrixone.core.dialect.Managed.Nullable";
    private static final String OPERATION = "io.matrixone.core.dialect.Operation";
    private static final String DIALECT = "io.matrixone.core.dialect.Dialect";
    private static final String AFTER_COMMIT = "io.matrixone.core.tx.AfterCommit";
    private static final String PACKAGE = "io.matrixone.core.manager";
    private static final Pattern LINK = Pattern.compile("\\{@link(plain)?\\s+([^}\\s]+)(?:\\s+([^}]*))?}");

    private boolean done;

    /** One parameter of an operation. */
    private record Param(String type, String name, boolean nullable, boolean primitive) {
    }

    /** One operation of a family. */
    private record Op(String name, String typeParams, List<Param> params, String valueType, boolean now, String doc) {
    }

    /** One managed statement family. */
    private record Feature(String accessor, String name, String doc, List<Op> ops) {
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done || annotations.isEmpty()) {
            return false;
        }
        TypeElement managed = processingEnv.getElementUtils().getTypeElement(MANAGED);
        List<Feature> features = new ArrayList<>();
        for (Element e : round.getElementsAnnotatedWith(managed)) {
            features.add(feature((TypeElement) e));
        }
        features.sort(Comparator.comparing(Feature::name));
        try {
            for (Feature f : features) {
                write(f.name() + "Manager", syncInterface(f));
                write("Tx" + f.name() + "Manager", txInterface(f));
                write("Async" + f.name() + "Manager", asyncInterface(f));
                write(f.name() + "Managers", implementations(f));
            }
            write("ManagerAccess", access(features, "", "Managers of the sync client: MatrixOne's own features, each call "
                    + "at once on a pooled connection. Inside a transaction use the transaction's managers."));
            write("TxManagerAccess", access(features, "Tx", "Managers of a sync transaction: what MatrixOne allows "
                    + "inside a transaction runs at once on its connection; what it refuses is queued to run right after "
                    + "COMMIT, and the returned handle completes then."));
            write("AsyncManagerAccess", access(features, "Async", "Managers of the async client and its transactions: "
                    + "on the client each call runs at once; on a transaction what MatrixOne refuses there runs right "
                    + "after COMMIT and its stage completes then (do not wait for it inside the body)."));
            write("ManagerSupport", support(features, ""));
            write("TxManagerSupport", support(features, "Tx"));
            write("AsyncManagerSupport", support(features, "Async"));
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write managers: " + e);
        }
        done = true;
        return false;
    }

    private Feature feature(TypeElement type) {
        Map<String, String> values = annotationValues(type, MANAGED);
        List<Op> ops = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() != ElementKind.METHOD || !hasAnnotation(member, OP)) {
                continue;
            }
            ExecutableElement m = (ExecutableElement) member;
            if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)) {
                error(m, "@Managed.Op must be on a public instance method");
                continue;
            }
            TypeMirror returned = m.getReturnType();
            if (!(returned instanceof DeclaredType dt) || !dt.asElement().toString().equals(OPERATION)
                    || dt.getTypeArguments().size() != 1) {
                error(m, "@Managed.Op must be on a method returning Operation<T>");
                continue;
            }
            List<Param> params = new ArrayList<>();
            for (VariableElement p : m.getParameters()) {
                params.add(new Param(p.asType().toString(), p.getSimpleName().toString(), hasAnnotation(p, NULLABLE),
                        p.asType().getKind().isPrimitive()));
            }
            boolean now = "true".equals(annotationValues(m, OP).get("now"));
            String doc = processingEnv.getElementUtils().getDocComment(m);
            ops.add(new Op(m.getSimpleName().toString(), typeParameters(m), params,
                    dt.getTypeArguments().get(0).toString(), now, doc == null ? "" : doc.strip()));
        }
        if (ops.isEmpty()) {
            error(type, "@Managed family without any @Managed.Op method");
        }
        return new Feature(values.get("accessor"), values.get("name"), values.get("doc"), ops);
    }

    /** A generic operation's type parameters as declared, e.g. {@code <R> } or {@code <R extends Record> }; else "". */
    private static String typeParameters(ExecutableElement m) {
        if (m.getTypeParameters().isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (TypeParameterElement t : m.getTypeParameters()) {
            List<String> bounds = new ArrayList<>();
            for (TypeMirror b : t.getBounds()) {
                if (!b.toString().equals("java.lang.Object")) {
                    bounds.add(b.toString());
                }
            }
            out.add(t.getSimpleName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
        }
        return "<" + String.join(", ", out) + "> ";
    }

    // ------------------------------------------------------------------------------------------ interfaces

    private String syncInterface(Feature f) {
        StringBuilder s = header();
        javadoc(s, "", f.doc() + "\n\n<p>The sync client's view: each call runs at once, in autocommit mode, on a "
                + "pooled connection; inside a transaction of the same client on the same thread it joins that "
                + "transaction. Inside a transaction use {@code tx." + f.accessor() + "()}, where what MatrixOne refuses "
                + "there is queued until after COMMIT. Generated from the dialect.");
        s.append("public interface ").append(f.name()).append("Manager {\n");
        for (Op op : f.ops()) {
            s.append('\n');
            javadoc(s, "    ", op.doc());
            s.append("    ").append(op.typeParams()).append(plain(op.valueType())).append(' ').append(signature(op))
                    .append(";\n");
        }
        return s.append("}\n").toString();
    }

    private String txInterface(Feature f) {
        StringBuilder s = header();
        javadoc(s, "", f.doc() + "\n\n<p>The view of a sync transaction. What MatrixOne allows inside a transaction "
                + "runs at once on its connection (and is undone by rollback); what it refuses returns an "
                + "{@code AfterCommit} handle: queued, run right after COMMIT in order, never on rollback, undone "
                + "where possible if a later step fails. Generated from the dialect.");
        s.append("public interface Tx").append(f.name()).append("Manager {\n");
        for (Op op : f.ops()) {
            s.append('\n');
            javadoc(s, "    ", op.doc() + (op.now() ? "" : "\n\n<p>Inside a transaction it runs at once where MatrixOne "
                    + "allows that, otherwise right after COMMIT; the handle yields the value once it ran."));
            s.append("    ").append(op.typeParams()).append(txReturn(op)).append(' ').append(signature(op)).append(";\n");
        }
        return s.append("}\n").toString();
    }

    private String asyncInterface(Feature f) {
        StringBuilder s = header();
        javadoc(s, "", f.doc() + "\n\n<p>The async view, on the client and on its transactions. On the client each "
                + "call runs at once on a shared connection. On a transaction what MatrixOne allows there runs at "
                + "once on its connection; what it refuses runs right after COMMIT and the stage completes then: do "
                + "not wait for such a stage inside the transaction body. Bad arguments fail the stage before anything "
                + "is sent. Generated from the dialect.");
        s.append("public interface Async").append(f.name()).append("Manager {\n");
        for (Op op : f.ops()) {
            s.append('\n');
            javadoc(s, "    ", op.doc());
            s.append("    ").append(op.typeParams()).append("java.util.concurrent.CompletionStage<")
                    .append(op.valueType()).append("> ").append(signature(op)).append(";\n");
        }
        return s.append("}\n").toString();
    }

    // ------------------------------------------------------------------------------------------ implementations

    private String implementations(Feature f) {
        StringBuilder s = header();
        s.append("/** The one-line implementations of the ").append(f.name()).append(" managers, for each view. */\n");
        s.append("final class ").append(f.name()).append("Managers {\n");
        s.append("    private ").append(f.name()).append("Managers() {\n    }\n");

        s.append("\n    static final class Client implements ").append(f.name()).append("Manager {\n");
        s.append("        private final ManagerSupport s;\n\n");
        s.append("        Client(ManagerSupport s) {\n            this.s = s;\n        }\n");
        for (Op op : f.ops()) {
            s.append("\n        @Override\n        public ").append(op.typeParams()).append(plain(op.valueType()))
                    .append(' ').append(signature(op)).append(" {\n");
            nullChecks(s, op, false);
            s.append("            ").append(plain(op.valueType()).equals("void") ? "" : "return ")
                    .append("s.runManaged(s.managedDialect().").append(f.accessor()).append("().").append(call(op))
                    .append(");\n        }\n");
        }
        s.append("    }\n");

        s.append("\n    static final class Tx implements Tx").append(f.name()).append("Manager {\n");
        s.append("        private final TxManagerSupport s;\n\n");
        s.append("        Tx(TxManagerSupport s) {\n            this.s = s;\n        }\n");
        for (Op op : f.ops()) {
            s.append("\n        @Override\n        public ").append(op.typeParams()).append(txReturn(op)).append(' ')
                    .append(signature(op)).append(" {\n");
            nullChecks(s, op, false);
            String ret = op.now() && plain(op.valueType()).equals("void") ? "" : "return ";
            s.append("            ").append(ret).append(op.now() ? "s.runManaged(" : "s.submitManaged(")
                    .append("s.managedDialect().").append(f.accessor()).append("().").append(call(op))
                    .append(");\n        }\n");
        }
        s.append("    }\n");

        s.append("\n    static final class Async implements Async").append(f.name()).append("Manager {\n");
        s.append("        private final AsyncManagerSupport s;\n\n");
        s.append("        Async(AsyncManagerSupport s) {\n            this.s = s;\n        }\n");
        for (Op op : f.ops()) {
            s.append("\n        @Override\n        public ").append(op.typeParams())
                    .append("java.util.concurrent.CompletionStage<").append(op.valueType()).append("> ")
                    .append(signature(op)).append(" {\n");
            nullChecks(s, op, true);
            s.append("            return s.submitManaged(d -> d.").append(f.accessor()).append("().").append(call(op))
                    .append(");\n        }\n");
        }
        s.append("    }\n");
        return s.append("}\n").toString();
    }

    /** Every reference parameter not marked nullable is checked, naming it; async views fail the stage instead. */
    private static void nullChecks(StringBuilder s, Op op, boolean async) {
        for (Param p : op.params()) {
            if (p.primitive() || p.nullable()) {
                continue;
            }
            String npe = "new NullPointerException(\"" + p.name() + " must not be null\")";
            s.append("            if (").append(p.name()).append(" == null) {\n");
            s.append("                ").append(async ? "return java.util.concurrent.CompletableFuture.failedFuture("
                    + npe + ");" : "throw " + npe + ";").append('\n');
            s.append("            }\n");
        }
    }

    // ------------------------------------------------------------------------------------------ aggregates

    private String access(List<Feature> features, String view, String doc) {
        StringBuilder s = header();
        javadoc(s, "", doc + " Generated from the dialect.");
        s.append("public interface ").append(view).append("ManagerAccess {\n");
        for (Feature f : features) {
            s.append('\n');
            javadoc(s, "    ", f.doc());
            s.append("    ").append(view).append(f.name()).append("Manager ").append(f.accessor()).append("();\n");
        }
        return s.append("}\n").toString();
    }

    private String support(List<Feature> features, String view) {
        StringBuilder s = header();
        String impl = switch (view) {
            case "Tx" -> "Tx";
            case "Async" -> "Async";
            default -> "Client";
        };
        javadoc(s, "", "The base of what offers the " + (view.isEmpty() ? "sync client's" : view.equals("Tx")
                ? "sync transaction's" : "async") + " managers: it builds every manager on the hooks below, so the "
                + "class extending it writes no manager code. Generated from the dialect.");
        s.append("public abstract class ").append(view).append("ManagerSupport implements ").append(view)
                .append("ManagerAccess {\n\n");
        s.append("    protected ").append(view).append("ManagerSupport() {\n    }\n");
        switch (view) {
            case "Async" -> {
                s.append("\n    /**\n     * Builds the operation with the dialect of the server's version and runs it: at once on a client; on a\n"
                        + "     * transaction at once or after COMMIT, as MatrixOne requires. A builder's exception fails the stage.\n"
                        + "     *\n     * @param build the operation, from the dialect\n     * @param <T> the operation's value\n"
                        + "     * @return the operation's value\n     */\n");
                s.append("    protected abstract <T> java.util.concurrent.CompletionStage<T> submitManaged(\n"
                        + "            java.util.function.Function<" + DIALECT + ", " + OPERATION + "<T>> build);\n");
            }
            case "Tx" -> {
                s.append("\n    /**\n     * Runs an operation MatrixOne allows inside a transaction, at once.\n     *\n"
                        + "     * @param operation the operation\n     * @param <T> its value\n     * @return its value\n     */\n");
                s.append("    protected abstract <T> T runManaged(" + OPERATION + "<T> operation);\n");
                s.append("\n    /**\n     * Runs an operation at once or queues it after COMMIT, as MatrixOne requires.\n     *\n"
                        + "     * @param operation the operation\n     * @param <T> its value\n     * @return its handle\n     */\n");
                s.append("    protected abstract <T> " + AFTER_COMMIT + "<T> submitManaged(" + OPERATION + "<T> operation);\n");
                s.append("\n    /**\n     * The dialect of the server's version.\n     *\n     * @return the dialect\n     */\n");
                s.append("    protected abstract " + DIALECT + " managedDialect();\n");
            }
            default -> {
                s.append("\n    /**\n     * Runs an operation at once.\n     *\n     * @param operation the operation\n"
                        + "     * @param <T> its value\n     * @return its value\n     */\n");
                s.append("    protected abstract <T> T runManaged(" + OPERATION + "<T> operation);\n");
                s.append("\n    /**\n     * The dialect of the server's version.\n     *\n     * @return the dialect\n     */\n");
                s.append("    protected abstract " + DIALECT + " managedDialect();\n");
            }
        }
        for (Feature f : features) {
            s.append("\n    @Override\n    public ").append(view).append(f.name()).append("Manager ").append(f.accessor())
                    .append("() {\n        return new ").append(f.name()).append("Managers.").append(impl)
                    .append("(this);\n    }\n");
        }
        return s.append("}\n").toString();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static StringBuilder header() {
        return new StringBuilder("package " + PACKAGE + ";\n\n");
    }

    private static String signature(Op op) {
        StringBuilder s = new StringBuilder(op.name()).append('(');
        for (int i = 0; i < op.params().size(); i++) {
            Param p = op.params().get(i);
            s.append(i == 0 ? "" : ", ").append(p.type()).append(' ').append(p.name());
        }
        return s.append(')').toString();
    }

    private static String call(Op op) {
        StringBuilder s = new StringBuilder(op.name()).append('(');
        for (int i = 0; i < op.params().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(op.params().get(i).name());
        }
        return s.append(')').toString();
    }

    /** The value as a sync method returns it: {@code void} for Void, primitives for their boxes. */
    private static String plain(String valueType) {
        return switch (valueType) {
            case "java.lang.Void" -> "void";
            case "java.lang.Boolean" -> "boolean";
            case "java.lang.Long" -> "long";
            case "java.lang.Integer" -> "int";
            default -> valueType;
        };
    }

    private static String txReturn(Op op) {
        return op.now() ? plain(op.valueType()) : AFTER_COMMIT + "<" + op.valueType() + ">";
    }

    /** Writes a javadoc comment; links become code spans, which resolve from any package. */
    private static void javadoc(StringBuilder s, String indent, String text) {
        Matcher m = LINK.matcher(text.strip());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(3) != null ? (m.group(1) != null ? m.group(3) : "{@code " + m.group(3) + "}")
                    : "{@code " + m.group(2).replace('#', '.').replaceFirst("^\\.", "") + "}";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        s.append(indent).append("/**\n");
        for (String line : out.toString().split("\n", -1)) {
            for (String l : wrap(line.strip(), 110 - indent.length())) {
                s.append(indent).append(l.isEmpty() ? " *" : " * " + l).append('\n');
            }
        }
        s.append(indent).append(" */\n");
    }

    /** Breaks a long line at spaces so that generated comments stay readable. */
    private static List<String> wrap(String line, int width) {
        List<String> lines = new ArrayList<>();
        String rest = line;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                break;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
        }
        lines.add(rest);
        return lines;
    }

    private void write(String simpleName, String source) throws IOException {
        try (Writer w = processingEnv.getFiler().createSourceFile(PACKAGE + "." + simpleName).openWriter()) {
            w.write(source);
        }
    }

    private static boolean hasAnnotation(Element e, String name) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (a.getAnnotationType().asElement().toString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> annotationValues(Element e, String name) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (a.getAnnotationType().asElement().toString().equals(name)) {
                Map<String, String> values = new java.util.HashMap<>();
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v : a.getElementValues().entrySet()) {
                    values.put(v.getKey().getSimpleName().toString(), String.valueOf(v.getValue().getValue()));
                }
                return values;
            }
        }
        return Map.of();
    }

    private void error(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
    }
}
