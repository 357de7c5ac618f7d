FROM quay.io/jupyter/minimal-notebook:2024-07-02
# expect: JL861
RUN mamba install --yes 'pandas' 'scikit-learn' && \
    fix-permissions /opt/conda
USER 1000
